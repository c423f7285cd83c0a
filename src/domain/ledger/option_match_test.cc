#include "domain/ledger/option_match.h"

#include <gtest/gtest.h>

#include "domain/ledger/field_builders.h"
#include "domain/ledger/field_parser.h"
#include "domain/pairing/pairing_ledgers.h"
#include "domain/talent/talent_ledgers.h"

namespace shanhai {
namespace {

const std::vector<EnumOption>& OptionsOf(const LedgerDef& def, const char* field) { return def.Field(field)->options; }

// The code MatchOption finds for typed, "" when none, "?" when ambiguous.
std::string CodeOf(const std::vector<EnumOption>& options, std::string_view typed,
                   OptionMatching matching = OptionMatching::kPrefix) {
  const OptionMatch m = MatchOption(options, typed, matching);
  if (!m.candidates.empty()) return "?";
  return m.option ? m.option->code : "";
}

TEST(OptionShortLabel, DropsEveryParenthesis) {
  EXPECT_EQ(OptionShortLabel("东部→西部（派往受帮扶方）"), "东部→西部");
  EXPECT_EQ(OptionShortLabel("镇（街）–村"), "镇–村");
  EXPECT_EQ(OptionShortLabel("professional (doctors, teachers …)"), "professional");
  EXPECT_EQ(OptionShortLabel("县–县"), "县–县");
  EXPECT_EQ(OptionShortLabel("（全部）"), "（全部）");  // never empty
}

TEST(MatchOption, CodeLabelShortLabelAndPunctuation) {
  const auto& direction = OptionsOf(TrainingsLedger(), "direction");
  EXPECT_EQ(CodeOf(direction, "to_helped"), "to_helped");
  EXPECT_EQ(CodeOf(direction, "东部→西部（派往受帮扶方）"), "to_helped");
  EXPECT_EQ(CodeOf(direction, "东部→西部"), "to_helped");
  EXPECT_EQ(CodeOf(direction, "东部->西部(派往受帮扶方)"), "to_helped");
  EXPECT_EQ(CodeOf(direction, "西部→东部"), "to_helper");
  EXPECT_EQ(CodeOf(direction, "TO_HELPER"), "to_helper");
  const auto& level = OptionsOf(PairingsLedger(), "level");
  EXPECT_EQ(CodeOf(level, "镇(街)-村"), "town_village");
  EXPECT_EQ(CodeOf(level, "镇（街）—村"), "town_village");
  EXPECT_EQ(CodeOf(level, "镇-村"), "town_village");
  EXPECT_EQ(CodeOf(level, "村 - 村"), "village_village");
  EXPECT_EQ(CodeOf(level, "县-县"), "county_county");
  EXPECT_EQ(CodeOf(level, "镇"), "?");  // begins 镇–镇 and 镇（街）–村
  EXPECT_EQ(CodeOf(level, "乡–村"), "");
  EXPECT_EQ(CodeOf(level, "t"), "");  // a prefix counts only for Chinese text
}

TEST(MatchOption, TheArrowTypedAsADashAnArrowOr到) {
  const auto& direction = OptionsOf(TrainingsLedger(), "direction");
  for (const char* typed : {"东部-西部", "东部->西部", "东部到西部", "东部—>西部", "东部－＞西部", "东部 到 西部"})
    EXPECT_EQ(CodeOf(direction, typed), "to_helped") << typed;
  EXPECT_EQ(CodeOf(direction, "西部到东部"), "to_helper");
  EXPECT_EQ(CodeOf(direction, "东部-西部", OptionMatching::kExact), "to_helped");  // the JSON API too
  EXPECT_EQ(CodeOf(direction, "东部=西部"), "");
}

// Folding dashes and arrows together must not make two options of one field read alike.
TEST(MatchOption, EveryDeclaredOptionIsFoundByItsOwnLabels) {
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields)
      for (const EnumOption& o : f.options)
        for (const std::string& typed : {o.label_zh, OptionShortLabel(o.label_zh)})
          EXPECT_EQ(CodeOf(f.options, typed, OptionMatching::kExact), o.code) << def->name << "." << f.key << " " << typed;
}

// An alias is declared once, with its option: it finds that option, exactly or spelt otherwise,
// and names no other option of the field (which would make it ambiguous or wrong).
TEST(MatchOption, AnAliasFindsItsOptionAndNoOther) {
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields)
      for (size_t i = 0; i < f.options.size(); ++i)
        for (const std::string& alias : f.options[i].aliases) {
          EXPECT_EQ(CodeOf(f.options, alias, OptionMatching::kExact), f.options[i].code) << def->name << "." << f.key;
          std::vector<EnumOption> others = f.options;
          others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
          EXPECT_EQ(CodeOf(others, alias), "") << def->name << "." << f.key << ": " << alias << " names another option";
        }
}

TEST(MatchOption, AUnitsKindAsOfficesWriteIt) {
  const auto& kind = OptionsOf(UnitsLedger(), "kind");
  for (const char* typed : {"乡", "乡镇", "镇", "镇（乡）", "镇(乡)"}) EXPECT_EQ(CodeOf(kind, typed), "town") << typed;
  for (const char* typed : {"村委会", "居委会", "村民委员会", "社区", "村", " 村 委 会 "})
    EXPECT_EQ(CodeOf(kind, typed), "village") << typed;
  for (const char* typed : {"街道", "街道办", "街道办事处"}) EXPECT_EQ(CodeOf(kind, typed), "street") << typed;
  EXPECT_EQ(CodeOf(kind, "卫生院"), "hospital");
  EXPECT_EQ(CodeOf(kind, "商会"), "association");
  // The JSON API names options exactly, aliases included (they are declared, not guessed).
  EXPECT_EQ(CodeOf(kind, "乡", OptionMatching::kExact), "town");
}

TEST(ParseEnumCell, ARelabelledOptionKeepsItsAliases) {
  const FieldDef& kind = *UnitsLedger().Field("kind");
  std::vector<EnumOption> relabelled = kind.options;
  relabelled[0].label_zh = "乡镇（街道）";
  EXPECT_EQ(AsText(*ParseFieldValue(kind, "乡", InputSource::kSpreadsheet, &relabelled)), "town");
}

TEST(MatchOption, ShortLabelAndStartOfTheLabel) {
  const auto& category = OptionsOf(TrainingsLedger(), "category");
  EXPECT_EQ(CodeOf(category, "专业技术人才培训"), "professional");
  EXPECT_EQ(CodeOf(category, "党政"), "cadre");
}

TEST(MatchOption, ExactMatchingTakesNoPrefix) {
  const auto& category = OptionsOf(TrainingsLedger(), "category");
  EXPECT_EQ(CodeOf(category, "党政", OptionMatching::kExact), "");
  EXPECT_EQ(CodeOf(category, "党政干部培训", OptionMatching::kExact), "cadre");
  EXPECT_EQ(CodeOf(category, "cadre", OptionMatching::kExact), "cadre");
  const auto& level = OptionsOf(PairingsLedger(), "level");
  EXPECT_EQ(CodeOf(level, "镇(街)-村", OptionMatching::kExact), "town_village");  // punctuation folded
  EXPECT_EQ(CodeOf(level, "镇", OptionMatching::kExact), "");
}

TEST(MatchOption, OnlyOneEnabledOptionIsNoAmbiguity) {
  std::vector<EnumOption> options = {{"a", "财政资金（省级）", "a"}, {"b", "财政资金（市级）", "b"}};
  EXPECT_EQ(CodeOf(options, "财政资金"), "?");
  options[0].disabled = true;
  EXPECT_EQ(CodeOf(options, "财政资金"), "b");
  options[1].disabled = true;  // both disabled: one of them, which the parser refuses as disabled
  EXPECT_EQ(CodeOf(options, "财政资金"), "a");
}

TEST(ParseEnumCell, AmbiguousAndUnknownValuesListTheChoices) {
  const FieldDef& level = *PairingsLedger().Field("level");
  Result<Value> ambiguous = ParseFieldValue(level, "镇", InputSource::kSpreadsheet);
  ASSERT_FALSE(ambiguous.ok());
  const FieldError& e = ambiguous.status().details()[0];
  EXPECT_EQ(e.field, "level");
  EXPECT_EQ(e.message_zh, "结对层级：“镇”可指多个选项：镇–镇、镇（街）–村，请填写其中之一");
  EXPECT_EQ(e.message_en,
            "Pairing level: \"镇\" could mean several options: town–town; town–village; "
            "write one of them");
  Result<Value> unknown = ParseFieldValue(level, "乡–村", InputSource::kApi);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().details()[0].message_zh.find("可选：县–县、镇–镇、镇（街）–村"), std::string::npos);
  EXPECT_NE(unknown.status().details()[0].message_en.find("county–county; town–town"),
            std::string::npos);
  // The JSON API takes the same spellings, but no prefix.
  EXPECT_EQ(AsText(*ParseFieldValue(level, "镇(街)-村", InputSource::kApi)), "town_village");
  const FieldDef& category = *TrainingsLedger().Field("category");
  EXPECT_EQ(AsText(*ParseFieldValue(category, "党", InputSource::kSpreadsheet)), "cadre");
  Result<Value> prefix = ParseFieldValue(category, "党", InputSource::kApi);
  ASSERT_FALSE(prefix.ok());
  EXPECT_NE(prefix.status().details()[0].message_zh.find("不是可选值"), std::string::npos);
}

TEST(ParseEnumCell, ARelabelledOptionKeepsItsDeclaredWording) {
  const FieldDef& category = *TrainingsLedger().Field("category");
  std::vector<EnumOption> relabelled = category.options;
  relabelled[0].label_zh = "干部培训";  // cadre, as a dictionary may rename it
  for (const char* typed : {"干部培训", "党政干部培训", "cadre"})
    EXPECT_EQ(AsText(*ParseFieldValue(category, typed, InputSource::kSpreadsheet, &relabelled)), "cadre") << typed;
}

TEST(ParseMoneyCell, TypedUnitsInSpreadsheetsFenInTheApi) {
  const FieldDef amount = fields::Money("amount_fen", "金额（元）", "Amount (yuan)");
  EXPECT_EQ(AsInt(*ParseFieldValue(amount, "50万", InputSource::kSpreadsheet)), 50'000'000);
  EXPECT_EQ(AsInt(*ParseFieldValue(amount, "1,033.98", InputSource::kSpreadsheet)), 103'398);
  EXPECT_EQ(AsInt(*ParseFieldValue(amount, "0.5亿元", InputSource::kSpreadsheet)), 5'000'000'000);
  EXPECT_EQ(AsInt(*ParseFieldValue(amount, "5000", InputSource::kApi)), 5000);  // fen
  EXPECT_FALSE(ParseFieldValue(amount, "50万", InputSource::kApi).ok());
}

TEST(ParseRegionCell, CodesAreCheckedNamesLeftToTheValidator) {
  const FieldDef region = fields::Region("region_code", "所在地", "Region");
  EXPECT_EQ(AsText(*ParseFieldValue(region, "522727", InputSource::kSpreadsheet)), "522727");
  EXPECT_FALSE(ParseFieldValue(region, "522799", InputSource::kSpreadsheet).ok());
  EXPECT_EQ(AsText(*ParseFieldValue(region, "甲坝村", InputSource::kSpreadsheet)), "甲坝村");
}

}  // namespace
}  // namespace shanhai
