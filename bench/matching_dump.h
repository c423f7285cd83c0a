// The synthetic labour market as CSV files for the SQL peer of the matching benchmark
// (bench/matching_peer.sh loads them into SQLite and PostgreSQL): one file per table, the lists of a
// seeker or a job as rows of their own, and the engine's answers for the sampled seekers so the
// peer's answers can be checked against them.
#pragma once

#include <string>
#include <vector>

#include "matching/match.h"
#include "matching_world.h"

namespace shanhai::bench {

// Writes seekers.csv, seeker_occupations.csv, seeker_certificates.csv, seeker_cities.csv,
// seeker_provinces.csv, jobs.csv, job_certificates.csv and fellows.csv (village, employer, people;
// summed per pair) into `dir`. Returns false (with errno set) when a file cannot be written.
bool DumpWorld(const MatchingWorld& world, const std::string& dir);

struct SampleAnswer {
  int64_t seeker_id;
  std::vector<matching::Match> top;
};
// sample.csv: seeker_id, rank (1..k), job_id, points, margin_fen.
bool DumpAnswers(const std::vector<SampleAnswer>& answers, const std::string& dir);

}  // namespace shanhai::bench
