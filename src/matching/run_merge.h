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

// head(cursor, entry) -> Match of that entry for the query, whose points are at most
// cursor.constant + max_variable (the cap of the term that varies along a run: the wage);
// accept(cursor, entry) -> whether the candidate belongs to this cursor's run for the query and
// passes the hard rules. A run is only opened (its first entry read) once its bound could reach the
// best head so far: most runs of a query score too little to matter and are never touched.
template <typename Entry, typename Fit, typename Head, typename Accept>
std::vector<Match> MergeTop(std::vector<RunCursor<Entry, Fit>> cursors, size_t k, int max_variable, Head head,
                            Accept accept) {
  struct Next {
    Match match;
    size_t cursor;
  };
  auto worse = [](const Next& a, const Next& b) { return RanksBefore(b.match, a.match); };
  // The unopened runs as a heap by constant (linear to build; only the opened ones are popped), the
  // opened ones in `open`, where the queue refers to them by index.
  auto lower = [](const auto& a, const auto& b) { return a.constant < b.constant; };
  std::make_heap(cursors.begin(), cursors.end(), lower);
  std::vector<RunCursor<Entry, Fit>> open;
  std::priority_queue<Next, std::vector<Next>, decltype(worse)> queue(worse);
  auto push_head = [&](size_t i) {
    if (open[i].position < open[i].items->size()) queue.push({head(open[i], (*open[i].items)[open[i].position]), i});
  };
  std::vector<Match> top;
  while (top.size() < k) {
    // A run whose bound ties the best head may still rank first (by margin or id): open it too.
    while (!cursors.empty() && (queue.empty() || cursors.front().constant + max_variable >= queue.top().match.points)) {
      std::pop_heap(cursors.begin(), cursors.end(), lower);
      open.push_back(cursors.back());
      cursors.pop_back();
      push_head(open.size() - 1);
    }
    if (queue.empty()) break;
    const Next next = queue.top();
    queue.pop();
    RunCursor<Entry, Fit>& cursor = open[next.cursor];
    if (accept(cursor, (*cursor.items)[cursor.position])) top.push_back(next.match);
    ++cursor.position;
    push_head(next.cursor);
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
