// The k-way merge both directions of the index share. Each cursor walks one run whose candidates,
// for the query at hand, all score `constant` plus the wage term, and are sorted in ranking order;
// so the best head among the cursors is the best candidate left, and the first k candidates the
// merge accepts are the top k of all the runs (the runs together hold every candidate the accept
// function may take, each in exactly one run where it is accepted).
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <queue>
#include <vector>

#include "matching/match.h"

namespace shanhai::matching {

template <typename Entry, typename Fit>
struct RunCursor {
  const std::vector<Entry>* items;
  size_t position;
  int constant;  // the points every member of this run scores for the query, but the wage term
  Fit fit;       // what the accept function checks the candidate against
};

// head(cursor, entry) -> Match of that entry for the query; accept(cursor, entry) -> whether the
// candidate belongs to this cursor's run for the query and passes the hard rules.
template <typename Entry, typename Fit, typename Head, typename Accept>
std::vector<Match> MergeTop(std::vector<RunCursor<Entry, Fit>> cursors, size_t k, Head head, Accept accept) {
  struct Next {
    Match match;
    size_t cursor;
  };
  auto worse = [](const Next& a, const Next& b) { return RanksBefore(b.match, a.match); };
  std::vector<Next> heads;  // heapified at once (linear) rather than pushed one by one
  heads.reserve(cursors.size());
  for (size_t i = 0; i < cursors.size(); ++i)
    if (cursors[i].position < cursors[i].items->size())
      heads.push_back({head(cursors[i], (*cursors[i].items)[cursors[i].position]), i});
  std::priority_queue<Next, std::vector<Next>, decltype(worse)> queue(worse, std::move(heads));
  std::vector<Match> top;
  while (!queue.empty() && top.size() < k) {
    const Next next = queue.top();
    queue.pop();
    RunCursor<Entry, Fit>& cursor = cursors[next.cursor];
    if (accept(cursor, (*cursor.items)[cursor.position])) top.push_back(next.match);
    if (++cursor.position < cursor.items->size())
      queue.push({head(cursor, (*cursor.items)[cursor.position]), next.cursor});
  }
  return top;
}

// The best k of two candidate lists, each already in ranking order.
inline std::vector<Match> BestOf(const std::vector<Match>& a, const std::vector<Match>& b, size_t k) {
  std::vector<Match> out;
  std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out), RanksBefore);
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace shanhai::matching
