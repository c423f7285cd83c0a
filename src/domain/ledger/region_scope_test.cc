// The data scope of a user below county level (EnclosingPairSides, PairVisibleTo, where each
// ledger's records lie: PlacingFields) and the list filter of a region field by name
// (RegionFilterCode), over the embedded region catalogue.
#include <gtest/gtest.h>

#include "domain/ledger/actor.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/ledger_def.h"
#include "domain/ledger/record_placement.h"
#include "domain/ledger/region_filter.h"
#include "domain/ledger/workflow.h"
#include "regions/region_catalog.h"

namespace shanhai {
namespace {

Actor LimitedTo(const std::string& region) { return Actor{"clerk", {"staff"}, {"*"}, region, "", 0, ""}; }

TEST(RegionScope, ATownOrVillageClerkIsEnclosedByItsCountyCityAndProvince) {
  const std::vector<std::string> sides{"522727", "522700", "520000"};
  EXPECT_EQ(EnclosingPairSides(LimitedTo("522727200")), sides);     // 卡蒲毛南族乡
  EXPECT_EQ(EnclosingPairSides(LimitedTo("522727200205")), sides);  // 甲坝村
  EXPECT_TRUE(EnclosingPairSides(LimitedTo("522727")).empty()) << "a county's clerk keeps the prefix rule";
  EXPECT_TRUE(EnclosingPairSides(LimitedTo("")).empty());
}

TEST(RegionScope, ATownClerkSeesThePairsEnclosingItsTownOnly) {
  const Actor town = LimitedTo("522727200");
  EXPECT_TRUE(PairVisibleTo(town, "440111", "522727"));
  EXPECT_TRUE(PairVisibleTo(town, "440100", "522700"));
  EXPECT_TRUE(PairVisibleTo(town, "440000", "520000"));
  EXPECT_FALSE(PairVisibleTo(town, "440103", "522728"));
  EXPECT_FALSE(PairVisibleTo(town, "440111", "522722")) << "another county of the same city";
  // Unchanged for a county's clerk: the pairs inside the county, not the city pair around it.
  EXPECT_TRUE(PairVisibleTo(LimitedTo("522727"), "440111", "522727"));
  EXPECT_FALSE(PairVisibleTo(LimitedTo("522727"), "440100", "522700"));
}

// The keys of the fields placing def's records (record_placement.h).
std::vector<std::string> PlacingKeys(const std::string& ledger) {
  std::vector<std::string> keys;
  for (const FieldDef* f : PlacingFields(*FindLedger(ledger))) keys.push_back(f->key);
  return keys;
}

// Where a record lies for a town's or a village's clerk, ledger by ledger: by a region field that
// places it, else by its references to placed records — a unit's 所在地, a person's home, and one
// hop further a seeker's person's home. A region the record only names (where a job is, where a
// seeker would like to work), a unit a step fills in (the claimant of a need) and an employer (whose
// 所在地 says who looks after it) place nothing.
TEST(RecordPlacement, ARecordLiesByItsPlacingRegionOrByTheRecordsItsReferencesName) {
  using Keys = std::vector<std::string>;
  EXPECT_EQ(PlacingKeys("units"), Keys{"region_code"});
  EXPECT_EQ(PlacingKeys("people"), Keys{"region_code"});
  EXPECT_EQ(PlacingKeys("employers"), Keys{"region_code"});
  EXPECT_EQ(PlacingKeys("pairings"), (Keys{"helper_unit_id", "helped_unit_id"}));
  EXPECT_EQ(PlacingKeys("funds"), (Keys{"helper_unit_id", "helped_unit_id"}));
  EXPECT_EQ(PlacingKeys("seekers"), Keys{"person_id"}) << "its preferred places do not place it";
  EXPECT_EQ(PlacingKeys("applications"), Keys{"seeker_id"}) << "nor the job, its employer or the place of work";
  EXPECT_EQ(PlacingKeys("spells"), Keys{"seeker_id"});
  EXPECT_TRUE(PlacingKeys("jobs").empty()) << "a job is open demand, placed nowhere";
  EXPECT_TRUE(PlacingKeys("job_reports").empty());
  EXPECT_TRUE(PlacingKeys("needs").empty()) << "the claiming unit is a step's";
  EXPECT_TRUE(PlacingKeys("visits").empty());
  // One hop fewer than a spell needs (spell → seeker → person) leaves it unplaced.
  EXPECT_TRUE(PlacingFields(SpellsLedger(), 1).empty());
  EXPECT_EQ(PlacingFields(SpellsLedger(), 2).size(), 1u);
}

// A ledger placing its referrers is placed itself within the hops a placement follows (else a
// reference to it would place nothing, and the flag would say what is not so); open demand is a
// state of the ledger's workflow.
TEST(RecordPlacement, TheDeclarationsAgreeWithThePlacementRule) {
  for (const LedgerDef* def : AllLedgers()) {
    if (def->places_referrers)
      EXPECT_FALSE(PlacingFields(*def, kMaxPlacingHops - 1).empty()) << def->name << " places its referrers but lies nowhere";
    if (!def->open_state.empty()) {
      ASSERT_NE(def->workflow, nullptr) << def->name;
      EXPECT_NE(def->workflow->State(def->open_state), nullptr) << def->name << ": " << def->open_state;
    }
  }
}

TEST(RegionFilter, ANameIsTheOneRegionSoCalledWithinThePairOrTheCandidatesAreNamed) {
  const FieldDef* field = FindLedger("units")->Field("region_code");
  ASSERT_NE(field, nullptr);
  Result<PairScope> pair = PairScope::Parse("440111-522727");
  ASSERT_TRUE(pair.ok());
  const RegionFilterArea in_pair{{pair->helper_region(), pair->helped_region()}, *pair};
  Result<std::string> code = RegionFilterCode(*field, in_pair, "甲坝村");
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(*code, "522727200205");
  // Without a pair, within the sides of the pairs a user sees: a county clerk's one pair.
  Result<std::string> in_sides = RegionFilterCode(*field, {{"440111", "522727"}, std::nullopt}, "甲坝村");
  ASSERT_TRUE(in_sides.ok()) << in_sides.status().ToString();
  EXPECT_EQ(*in_sides, "522727200205");

  Result<std::string> anywhere = RegionFilterCode(*field, {{"520000"}, std::nullopt}, "甲坝村");
  ASSERT_FALSE(anywhere.ok());
  ASSERT_EQ(anywhere.status().details().size(), 1u);
  EXPECT_EQ(anywhere.status().details()[0].field, "region_code");
  EXPECT_NE(anywhere.status().details()[0].message_zh.find("522731103227"), std::string::npos);
  EXPECT_NE(anywhere.status().details()[0].message_en.find("could mean 2 regions"), std::string::npos);

  // A name outside the sides is looked up in the whole catalogue: an enterprise's origin.
  Result<std::string> outside = RegionFilterCode(*field, in_pair, "深圳市");
  ASSERT_TRUE(outside.ok()) << outside.status().ToString();
  EXPECT_EQ(*outside, "440300");

  Result<std::string> none = RegionFilterCode(*field, in_pair, "不存在村");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().details()[0].message_en.find("no region called"), std::string::npos);
}

// A pair's side is a county, a city or a province: its filter never resolves to a town, so a name
// that is also a town's (石门街道 in 广州市白云区) means the county alone.
TEST(RegionFilter, APairSideIsLookedUpDownToCountyOnly) {
  const FieldDef* side = FindLedger("pairs")->Field("helper_region");
  ASSERT_NE(side, nullptr);
  Result<std::string> code = RegionFilterCode(*side, {{"440111", "522727"}, std::nullopt}, "石门");
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(RegionCatalog::Embedded().Find(*code)->level, RegionLevel::kCounty) << *code;
  const FieldDef* place = FindLedger("units")->Field("region_code");
  EXPECT_FALSE(RegionFilterCode(*place, {}, "石门").ok()) << "a unit's place may be the town too";
}

// A region filter selects the region and everything below it: its significant prefix.
TEST(RegionFilter, ARegionByNameOrCodeSelectsEverythingBelowIt) {
  const FieldDef* field = FindLedger("units")->Field("region_code");
  Result<PairScope> pair = PairScope::Parse("440111-522727");
  ASSERT_TRUE(pair.ok());
  Result<std::string> town = RegionFilterPrefix(*field, {{pair->helper_region(), pair->helped_region()}, *pair}, "卡蒲乡");
  ASSERT_TRUE(town.ok()) << town.status().ToString();
  EXPECT_EQ(*town, "522727200");
  Result<std::string> city = RegionFilterPrefix(*field, {}, "522700");
  ASSERT_TRUE(city.ok()) << city.status().ToString();
  EXPECT_EQ(*city, "5227");
  Result<std::string> broken = RegionFilterPrefix(*field, {}, "5227");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().details()[0].field, "region_code");
  EXPECT_NE(broken.status().details()[0].message_en.find("is not a region code"), std::string::npos);
}

}  // namespace
}  // namespace shanhai
