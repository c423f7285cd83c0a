// The answers of MatchService as a reader is shown them: each job or person named as offices
// read them (job title, employer, "广州市白云区", wage; a person's name, masked ID number, home
// village) with the reasons in plain Chinese and English (matching/reason_text.h). Shared by the
// CLI and the HTTP handlers, so both say the same.
//
// Who sees what: staff see candidates' names whole, and the priority reason (it tells the
// household's poverty status, a sealed field) only when they may reveal the people registry's
// sensitive fields; an employer's HR sees names masked (张*明) and never the priority reason; a
// job seeker sees its jobs, without it. ID numbers are always masked; no phone number is shown.
// Thread safety: none; over the caller's connection.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/matching/match_service.h"
#include "matching/reason_text.h"

namespace shanhai::matching {

enum class Viewer : uint8_t {
  kRevealer,  // staff holding people:people:reveal, and the CLI's operator
  kStaff,
  kEmployer,
  kSeeker,
};

struct MatchCard {
  int64_t id = 0;  // the job's or the seeker's record id
  int points = 0;
  std::string name;          // the job's title, or the person's name (masked for an employer)
  std::string id_number;     // a person's ID number, masked; "" for a job
  std::string organisation;  // a job's employer; "" for a person
  std::string place;         // a job's work place, a person's home region, by name
  int64_t wage_min_fen = 0, wage_max_fen = 0;  // a job's range (max = min when no top is stated)
  std::vector<ReasonText> reasons;
};

// Region and occupation names for the reasons: from the embedded region catalogue, occupations
// by their code ("6-20-02").
const MatchNames& CatalogueNames();

// The matches as `viewer` may see them: for whoever may not see the poverty status, scores without
// the priority term and re-ranked by them (equal scores by id). The cards below apply it.
std::vector<RankedMatch> AsSeenBy(std::vector<RankedMatch> matches, Viewer viewer);

// A match's reasons in words, leaving out the priority reason for whoever may not see it.
std::vector<ReasonText> ReasonsAsSeenBy(const std::vector<Reason>& reasons, Viewer viewer);

// Cards for the jobs (JobsFor) or the seekers (SeekersFor) of an answer. Errors: the database's.
Result<std::vector<MatchCard>> JobCards(Database& db, const PiiVault& vault, const std::vector<RankedMatch>& matches,
                                        Viewer viewer);
Result<std::vector<MatchCard>> SeekerCards(Database& db, const PiiVault& vault, const std::vector<RankedMatch>& matches,
                                           Viewer viewer);

// {"job_id", "score", "title", "employer", "place", "wage_min_fen", "wage_max_fen", "reasons": [{"zh", "en"}]}
// per job; {"seeker_id", "score", "name", "id_number", "home", "reasons"} per seeker.
boost::json::array JobCardsJson(const std::vector<MatchCard>& cards);
boost::json::array SeekerCardsJson(const std::vector<MatchCard>& cards);
// The same as a table in Chinese, one card a block: "1. 白云压缩机·装配工（广州白云…公司，广州市白云区，5100–5100元） 62分" and
// its reasons on the next line.
std::string CardsTable(const std::vector<MatchCard>& cards);

}  // namespace shanhai::matching
