#include "indicators/targets_sheet.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>

#include "domain/ledger/ledger_service.h"
#include "excel/xlsx_reader.h"
#include "domain/targets/targets_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {
namespace {

// A row of the targets sheet as ImportSheet hands it over, both columns under their sheet labels.
RawRecord SheetRow(std::string indicator, std::string target) {
  RawRecord raw;
  raw.pair = "440111-522727";
  raw.fields = {{"year", "2021"}, {"indicator_key", std::move(indicator)}, {"target_value", std::move(target)}};
  raw.sheet_form_fields = std::make_shared<const std::vector<std::string>>(
      std::vector<std::string>{"indicator_key", "target_value"});
  return raw;
}

std::string Cell(const RawRecord& raw, const std::string& key) {
  for (const auto& [k, v] : raw.fields)
    if (k == key) return v;
  return "<absent>";
}

struct Read {
  RawRecord raw;
  std::vector<FieldError> errors;
};
Read ReadRow(RawRecord raw) {
  Read out{std::move(raw), {}};
  TargetsSheetForm().read(out.raw, out.errors);
  return out;
}

TEST(TargetsSheet, AnIndicatorIsNamedAsTheCatalogueNamesItOrByItsKey) {
  const IndicatorDef& visits = *FindIndicator("leadership.visit_batches");
  for (const std::string& cell : {visits.label_zh, visits.label_en, visits.key, " " + visits.label_zh + "　"}) {
    SCOPED_TRACE(cell);
    const Read r = ReadRow(SheetRow(cell, "6"));
    ASSERT_TRUE(r.errors.empty()) << r.errors[0].message_zh;
    EXPECT_EQ(Cell(r.raw, "indicator_key"), "leadership.visit_batches");
    EXPECT_EQ(Cell(r.raw, "target_value"), "6");  // a count stays a count
  }
}

TEST(TargetsSheet, APartOfSeveralNamesOrNoNameIsRefusedNamingTheChoices) {
  Read r = ReadRow(SheetRow("培训人次", "100"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].field, "indicator_key");
  EXPECT_NE(r.errors[0].message_zh.find("“培训人次”不是指标目录中的名称"), std::string::npos) << r.errors[0].message_zh;
  EXPECT_NE(r.errors[0].message_zh.find("各类培训人次（talent.training.person_times）"), std::string::npos)
      << r.errors[0].message_zh;
  EXPECT_NE(r.errors[0].message_en.find("did you mean"), std::string::npos);
  EXPECT_EQ(Cell(r.raw, "indicator_key"), "<absent>");  // the validator adds no second error for it

  r = ReadRow(SheetRow("宴请次数", "3"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message_zh.find("不是指标目录中的名称或代码"), std::string::npos) << r.errors[0].message_zh;
  EXPECT_NE(r.errors[0].message_en.find("neither the name nor the key"), std::string::npos);
}

TEST(TargetsSheet, AMoneyTargetIsIn10kYuanUnderItsSheetLabel) {
  for (const auto& [cell, fen] : std::vector<std::pair<std::string, int64_t>>{
           {"50", 50'000'000}, {"50万", 50'000'000}, {"50万元", 50'000'000}, {"1,033.98", 1'033'980'000},
           {"0.5亿", 5'000'000'000}, {"500元", 50'000}}) {
    SCOPED_TRACE(cell);
    const Read r = ReadRow(SheetRow("结对帮扶援助资金", cell));
    ASSERT_TRUE(r.errors.empty()) << r.errors[0].message_zh;
    EXPECT_EQ(Cell(r.raw, "target_value"), std::to_string(fen));
  }
  const Read bad = ReadRow(SheetRow("pairing.aid_fen", "五十万"));
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].field, "target_value");
  EXPECT_TRUE(bad.errors[0].message_zh.starts_with("目标值（金额类指标为万元）：")) << bad.errors[0].message_zh;
}

TEST(TargetsSheet, ACountTargetIsAWholeNumberInTheIndicatorsUnit) {
  EXPECT_TRUE(ReadRow(SheetRow("leadership.visit_batches", "1,200")).errors.empty());
  for (const char* cell : {"50万", "6.5"}) {
    SCOPED_TRACE(cell);
    const Read r = ReadRow(SheetRow("leadership.visit_batches", cell));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].field, "target_value");
    EXPECT_EQ(r.errors[0].message_zh, std::string("目标值（金额类指标为万元）：“") + cell +
                                          "”不是整数（“交流互访、实地考察批次”以批计，只有金额类指标以万元填写）");
    EXPECT_NE(r.errors[0].message_en.find("only money targets are in 10,000 yuan"), std::string::npos);
  }
}

TEST(TargetsSheet, ColumnsUnderTheFieldsOwnLabelsAreTakenAsTheApiTakesThem) {
  RawRecord raw = SheetRow("pairing.aid_fen", "50000000");
  raw.sheet_form_fields = nullptr;  // an old sheet: 指标代码, 目标值 in fen
  const Read r = ReadRow(std::move(raw));
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Cell(r.raw, "target_value"), "50000000");
}

TEST(TargetsSheet, AnExportedCellReadsBackAsTheStoredValue) {
  const LedgerDef& def = TargetsLedger();
  for (const auto& [key, value] : std::vector<std::pair<std::string, int64_t>>{
           {"pairing.aid_fen", 1'033'980'000}, {"pairing.aid_fen", 1}, {"leadership.visit_batches", 6}}) {
    Record stored;
    stored.Set("year", int64_t{2021});
    stored.Set("indicator_key", key);
    stored.Set("target_value", value);
    const std::string indicator = TargetsSheetForm().write(*def.Field("indicator_key"), stored);
    const std::string target = TargetsSheetForm().write(*def.Field("target_value"), stored);
    EXPECT_EQ(indicator, FullLabelZh(*FindIndicator(key)));
    const Read back = ReadRow(SheetRow(indicator, target));
    ASSERT_TRUE(back.errors.empty()) << back.errors[0].message_zh;
    EXPECT_EQ(Cell(back.raw, "indicator_key"), key);
    EXPECT_EQ(Cell(back.raw, "target_value"), std::to_string(value)) << target;
  }
}

// Every name the export writes (and the English one, and the catalogue's label that earlier exports
// wrote) must read back as its indicator: names are unique.
TEST(TargetsSheet, EveryIndicatorsNameReadsBackAsIt) {
  for (const IndicatorDef& def : IndicatorCatalogue()) {
    for (const std::string& name : {FullLabelZh(def), FullLabelEn(def), def.label_zh, def.label_en}) {
      const Read r = ReadRow(SheetRow(name, "1"));
      ASSERT_TRUE(r.errors.empty()) << def.key << ": " << r.errors[0].message_zh;
      EXPECT_EQ(Cell(r.raw, "indicator_key"), def.key) << name;
    }
  }
}

// The xlsx template offers every catalogue name in a drop-down on the indicator column (a list
// that long lives on a hidden sheet of its own); without the choices there is none.
TEST(TargetsSheet, TheTemplateOffersTheCatalogueNames) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "shanhai_targets_sheet_test";
  std::filesystem::create_directories(dir);
  const std::string with = (dir / "with.xlsx").string(), without = (dir / "without.xlsx").string();
  ASSERT_TRUE(WriteTemplate(TargetsLedger(), with, nullptr, &TemplateSheetChoices()).ok());
  ASSERT_TRUE(WriteTemplate(TargetsLedger(), without).ok());
  EXPECT_EQ(excel::SheetNames(without)->size(), 1u);
  const auto sheets = excel::SheetNames(with);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 2u);
  std::vector<std::string> listed;
  ASSERT_TRUE(excel::ReadXlsx(with, [&](int64_t, const std::vector<std::string>& cells) {
                listed.push_back(cells.at(0));
                return Status::Ok();
              }, {.sheet_index = 1}).ok());
  std::vector<std::string> names;
  for (const IndicatorDef& def : IndicatorCatalogue()) names.push_back(FullLabelZh(def));
  EXPECT_EQ(listed, names);
  // A sub-figure is offered with the figure it is part of.
  EXPECT_NE(std::find(listed.begin(), listed.end(), "与村结对的帮扶单位·其中镇街"), listed.end());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace shanhai
