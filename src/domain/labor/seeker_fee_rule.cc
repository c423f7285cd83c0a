#include "domain/labor/seeker_fee_rule.h"

#include <array>

namespace shanhai::labor {

namespace {

// Charges taken from the seeker whatever follows them.
constexpr std::array<std::string_view, 7> kAlwaysCharges = {"押金", "保证金", "报名费", "中介费", "介绍费", "服务费", "抵押"};
// Costs an employer may bear: a charge only when the seeker is told to pay them.
constexpr std::array<std::string_view, 4> kCosts = {"体检费", "服装费", "培训费", "工装费"};
constexpr std::array<std::string_view, 6> kPaidBySeeker = {"自理", "由求职者", "由本人", "求职者承担", "个人承担", "自付"};
// Words just before a charge that rule it out.
constexpr std::array<std::string_view, 6> kNegations = {"无", "不收", "免", "不收取", "无需", "不需"};
// How far back a negation may stand (bytes: two or three Chinese characters) and how far after a
// cost the payer may be named.
constexpr size_t kNegationReach = 9;
constexpr size_t kPayerReach = 15;

bool NegatedAt(std::string_view text, size_t at) {
  const std::string_view before = text.substr(at >= kNegationReach ? at - kNegationReach : 0,
                                              at >= kNegationReach ? kNegationReach : at);
  for (std::string_view no : kNegations)
    if (before.find(no) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::string SeekerChargeIn(std::string_view text) {
  for (std::string_view word : kAlwaysCharges)
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size()))
      if (!NegatedAt(text, at)) return std::string(word);
  for (std::string_view cost : kCosts)
    for (size_t at = text.find(cost); at != std::string_view::npos; at = text.find(cost, at + cost.size())) {
      const std::string_view after = text.substr(at + cost.size(), kPayerReach);
      for (std::string_view payer : kPaidBySeeker)
        if (after.find(payer) != std::string_view::npos && !NegatedAt(text, at)) return std::string(cost) + std::string(payer);
    }
  return "";
}

}  // namespace shanhai::labor
