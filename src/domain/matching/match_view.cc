#include "domain/matching/match_view.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/money.h"
#include "common/text.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/occupation_code.h"
#include "domain/matching/match_reader.h"
#include "domain/people/people_ledgers.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai::matching {
namespace {

class CatalogueMatchNames final : public MatchNames {
 public:
  std::string CityName(uint32_t city) const override { return Named(uint64_t(city) * 100000000ULL); }
  std::string ProvinceName(uint32_t province) const override { return Named(uint64_t(province) * 10000000000ULL); }
  // 6200200 → "生产制造及有关人员（6-20-02）", 6200203 → "…（6-20-02-03）" (the minor group's codes
  // end in 00): the major group by name, since the catalogue's finer names are not held.
  std::string OccupationName(OccupationCode code) const override {
    std::string text = fmt::format("{}-{:02}-{:02}", code / 1000000, code / 10000 % 100, code / 100 % 100);
    if (code % 100 != 0) text += fmt::format("-{:02}", code % 100);
    const std::string_view group = labor::MajorGroupName(int(code / 1000000));
    return group.empty() ? text : fmt::format("{}（{}）", group, text);
  }

 private:
  // The catalogue knows a city or province by its six-digit code (440100, 440000), not its prefix.
  static std::string Named(uint64_t code12) {
    std::string code = RegionCodeText(code12);
    if (code.size() < 6) code.resize(6, '0');
    return RegionDisplayName(RegionCatalog::Embedded(), code);
  }
};

PovertyVisibility VisibilityFor(Viewer viewer) {
  return viewer == Viewer::kRevealer ? PovertyVisibility::kVisible : PovertyVisibility::kHidden;
}

boost::json::array ReasonsJson(const std::vector<ReasonText>& reasons) {
  boost::json::array out;
  for (const ReasonText& r : reasons) out.push_back({{"zh", r.zh}, {"en", r.en}});
  return out;
}

std::string PlaceName(const std::string& code) { return RegionDisplayName(RegionCatalog::Embedded(), code); }

}  // namespace

// The priority term is taken out of the score and the order, not only out of the words: every other
// term's points follow from its words, so a score 10 above them, or a card ranked above a higher
// score, would tell the sealed status. Who makes the top k still reflects the priority (policy).
std::vector<RankedMatch> AsSeenBy(std::vector<RankedMatch> matches, Viewer viewer) {
  if (VisibilityFor(viewer) == PovertyVisibility::kVisible) return matches;
  for (RankedMatch& m : matches)
    for (const Reason& r : m.reasons)
      if (r.kind == ReasonKind::kPriority) m.points -= r.points;
  std::stable_sort(matches.begin(), matches.end(), [](const RankedMatch& a, const RankedMatch& b) {
    return a.points != b.points ? a.points > b.points : a.id < b.id;
  });
  return matches;
}

std::vector<ReasonText> ReasonsAsSeenBy(const std::vector<Reason>& reasons, Viewer viewer) {
  return DescribeReasons(reasons, CatalogueNames(), VisibilityFor(viewer));
}

const MatchNames& CatalogueNames() {
  static const CatalogueMatchNames names;
  return names;
}

Result<std::vector<MatchCard>> JobCards(Database& db, const PiiVault& vault, const std::vector<RankedMatch>& matches,
                                        Viewer viewer) {
  const MatchReader reader(db, vault);
  std::vector<MatchCard> cards;
  for (const RankedMatch& m : AsSeenBy(matches, viewer)) {
    SH_ASSIGN_OR_RETURN(std::optional<Record> job, reader.One(JobsLedger(), m.id));
    if (!job) continue;  // deleted since the answer
    SH_ASSIGN_OR_RETURN(std::optional<Record> employer, reader.One(EmployersLedger(), IntField(*job, "employer_id")));
    MatchCard card{m.id, m.points, job->Text("title"), "", employer ? employer->Text("name") : "",
                   PlaceName(job->Text("work_region")), IntField(*job, "wage_min_fen"), 0,
                   ReasonsAsSeenBy(m.reasons, viewer)};
    card.wage_max_fen = job->Text("wage_max_fen").empty() ? card.wage_min_fen : IntField(*job, "wage_max_fen");
    cards.push_back(std::move(card));
  }
  return cards;
}

Result<std::vector<MatchCard>> SeekerCards(Database& db, const PiiVault& vault, const std::vector<RankedMatch>& matches,
                                           Viewer viewer) {
  const MatchReader reader(db, vault);
  std::vector<MatchCard> cards;
  for (const RankedMatch& m : AsSeenBy(matches, viewer)) {
    SH_ASSIGN_OR_RETURN(std::optional<Record> seeker, reader.One(SeekersLedger(), m.id));
    if (!seeker) continue;
    // Masked as every list shows a person: the ID number starred by the registry's own rule.
    SH_ASSIGN_OR_RETURN(std::optional<Record> person, reader.One(PeopleLedger(), IntField(*seeker, "person_id")));
    if (!person) continue;
    const std::string name = person->Text("name");
    cards.push_back({m.id, m.points, viewer == Viewer::kEmployer ? MaskPersonName(name) : name,
                     person->Text("id_number"), "", PlaceName(person->Text("region_code")), 0, 0,
                     ReasonsAsSeenBy(m.reasons, viewer)});
  }
  return cards;
}

boost::json::array JobCardsJson(const std::vector<MatchCard>& cards) {
  boost::json::array out;
  for (const MatchCard& c : cards)
    out.push_back({{"job_id", c.id},
                   {"score", c.points},
                   {"title", c.name},
                   {"employer", c.organisation},
                   {"place", c.place},
                   {"wage_min_fen", c.wage_min_fen},
                   {"wage_max_fen", c.wage_max_fen},
                   {"reasons", ReasonsJson(c.reasons)}});
  return out;
}

boost::json::array SeekerCardsJson(const std::vector<MatchCard>& cards) {
  boost::json::array out;
  for (const MatchCard& c : cards)
    out.push_back({{"seeker_id", c.id},
                   {"score", c.points},
                   {"name", c.name},
                   {"id_number", c.id_number},
                   {"home", c.place},
                   {"reasons", ReasonsJson(c.reasons)}});
  return out;
}

std::string CardsTable(const std::vector<MatchCard>& cards) {
  if (cards.empty()) return "（没有符合条件的推荐）\n";
  std::string out;
  for (size_t i = 0; i < cards.size(); ++i) {
    const MatchCard& c = cards[i];
    std::vector<std::string> about;
    for (const std::string* part : {&c.organisation, &c.id_number, &c.place})
      if (!part->empty()) about.push_back(*part);
    if (c.wage_min_fen > 0)
      about.push_back(c.wage_max_fen > c.wage_min_fen ? FormatAmount(c.wage_min_fen) + "–" + FormatAmount(c.wage_max_fen)
                                                      : FormatAmount(c.wage_min_fen));
    std::vector<std::string> reasons;
    for (const ReasonText& r : c.reasons) reasons.push_back(r.zh);
    out += fmt::format("{}. {}（{}）  {}分\n   {}\n", i + 1, c.name, fmt::join(about, "，"), c.points,
                       fmt::join(reasons, "；"));
  }
  return out;
}

}  // namespace shanhai::matching
