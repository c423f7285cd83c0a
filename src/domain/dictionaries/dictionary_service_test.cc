// DictionaryService on both backends: relabelling declared options, adding and disabling new
// ones, and how LedgerService, exports and templates see them.
#include "domain/dictionaries/dictionary_service.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/pairing/pairing_ledgers.h"
#include "excel/table_reader.h"
#include "storage/faulty_database.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr const char* kCategories = "trainings.category";

const LedgerDef& Trainings() { return *FindLedger("trainings"); }
const FieldDef& Category() { return *Trainings().Field("category"); }

std::vector<std::string> Codes(const std::vector<EnumOption>& options) {
  std::vector<std::string> out;
  for (const EnumOption& o : options) out.push_back(o.code);
  return out;
}

class DictionaryServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  DictionaryService& dictionaries() { return service().dictionaries(); }

  Result<DictionaryEntry> Put(const std::string& dictionary, const std::string& code, const std::string& zh,
                              bool disabled = false, int64_t sort_order = 0, const Actor& actor = Actor::System()) {
    return dictionaries().Upsert(actor, dictionary, code, zh, "", sort_order, disabled);
  }

  Result<Record> CreateTraining(const std::string& title, const std::string& category) {
    return TryCreate("trainings", kCountyPair,
                     {{"title", title}, {"category", category}, {"direction", "to_helped"}, {"sessions", "1"},
                      {"person_times", "30"}, {"start_date", "2020-05-01"}});
  }

  std::vector<EnumOption> LoadedCategories() {
    Result<DictionarySnapshot> snapshot = dictionaries().Load();
    EXPECT_TRUE(snapshot.ok()) << snapshot.status().ToString();
    return snapshot.ok() ? snapshot->OptionsFor(Trainings(), Category()) : std::vector<EnumOption>{};
  }
};

TEST_P(DictionaryServiceTest, WithoutEntriesTheDeclaredOptionsApply) {
  EXPECT_EQ(Codes(LoadedCategories()), Codes(Category().options));
  const DictionarySnapshot empty;
  EXPECT_EQ(&empty.OptionsFor(Trainings(), Category()), &Category().options);
}

TEST_P(DictionaryServiceTest, RelabellingADeclaredOptionKeepsItsCodeAndPlace) {
  ASSERT_TRUE(IsOk(Put(kCategories, "cadre", "干部培训").status()));
  const std::vector<EnumOption> options = LoadedCategories();
  ASSERT_EQ(Codes(options), Codes(Category().options));
  EXPECT_EQ(options[0].label_zh, "干部培训");
  EXPECT_EQ(options[0].label_en, Category().options[0].label_en);  // empty English keeps the declared one
  EXPECT_EQ(AuditRows(db(), "dictionary_update"), 1);

  // The new label is accepted as input and stored as the code.
  Result<Record> r = CreateTraining("县级干部轮训", "干部培训");
  ASSERT_TRUE(IsOk(r.status()));
  EXPECT_EQ(AsText(*r->Get("category")), "cadre");

  Result<std::vector<DictionaryInfo>> all = dictionaries().List(Actor::System());
  ASSERT_TRUE(IsOk(all.status()));
  auto it = std::find_if(all->begin(), all->end(), [](const DictionaryInfo& d) { return d.name == kCategories; });
  ASSERT_NE(it, all->end());
  EXPECT_TRUE(it->entries[0].builtin);
  EXPECT_EQ(it->entries[0].label_zh, "干部培训");
  // Sensitive enums are not dictionaries.
  EXPECT_TRUE(std::none_of(all->begin(), all->end(), [](const DictionaryInfo& d) {
    return d.name == "people.poverty_status";
  }));
}

TEST_P(DictionaryServiceTest, ARelabelledDeclaredOptionKeepsItsAliases) {
  ASSERT_TRUE(IsOk(Put("units.kind", "town", "乡镇（街道）").status()));
  Result<DictionarySnapshot> snapshot = dictionaries().Load();
  ASSERT_TRUE(IsOk(snapshot.status()));
  const FieldDef& kind = *UnitsLedger().Field("kind");
  const std::vector<EnumOption>& options = snapshot->OptionsFor(UnitsLedger(), kind);
  ASSERT_EQ(options[0].code, "town");
  EXPECT_EQ(options[0].label_zh, "乡镇（街道）");
  EXPECT_EQ(options[0].aliases, kind.options[0].aliases);
}

TEST_P(DictionaryServiceTest, AddedOptionsFollowTheDeclaredOnesBySortOrderThenCode) {
  ASSERT_TRUE(IsOk(Put(kCategories, "zeta", "甲类培训", false, 1).status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "alpha", "乙类培训", false, 2).status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "beta", "丙类培训", false, 1).status()));
  std::vector<std::string> expected = Codes(Category().options);
  for (const char* c : {"beta", "zeta", "alpha"}) expected.push_back(c);
  EXPECT_EQ(Codes(LoadedCategories()), expected);
}

TEST_P(DictionaryServiceTest, AddedOptionIsUsableUntilDisabledAndThenStillLabelsOldRecords) {
  Result<DictionaryEntry> added = Put(kCategories, "rural_revival", "乡村振兴培训");
  ASSERT_TRUE(IsOk(added.status()));
  EXPECT_FALSE(added->builtin);
  Result<Record> first = CreateTraining("乡村振兴带头人培训", "rural_revival");
  ASSERT_TRUE(IsOk(first.status()));
  EXPECT_EQ(AsText(*first->Get("category")), "rural_revival");

  ASSERT_TRUE(IsOk(Put(kCategories, "rural_revival", "乡村振兴培训", true).status()));
  Result<Record> refused = CreateTraining("第二期", "rural_revival");
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(HasFieldError(refused.status(), "category")) << refused.status().ToString();
  EXPECT_FALSE(CreateTraining("第三期", "乡村振兴培训").ok());

  // The existing record still lists, can be filtered by it and edited without re-choosing.
  ListRequest request;
  request.equals = {{"category", "rural_revival"}};
  Result<RecordPage> page = service().List(Actor::System(), Trainings(), request);
  ASSERT_TRUE(IsOk(page.status()));
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->records[0].id, first->id);
  Result<Record> edited = service().Update(Actor::System(), Trainings(), first->id,
                                           RawRecord{"", {{"title", "改名"}, {"category", "rural_revival"}}},
                                           InputSource::kApi, 0);
  EXPECT_TRUE(IsOk(edited.status()));
  const std::vector<EnumOption> options = LoadedCategories();
  ASSERT_EQ(options.back().code, "rural_revival");
  EXPECT_TRUE(options.back().disabled);

  // Exports label the stored code with the added option's name.
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("dict_export_" + std::to_string(::getpid()) + ".csv")).string();
  ASSERT_TRUE(IsOk(ExportLedger(service(), Actor::System(), Trainings(), ListRequest{}, path).status()));
  std::string cells;
  ASSERT_TRUE(IsOk(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& row) {
    for (const std::string& c : row) cells += c + "|";
    return Status::Ok();
  })));
  std::filesystem::remove(path);
  EXPECT_NE(cells.find("|乡村振兴培训|"), std::string::npos) << cells;
}

TEST_P(DictionaryServiceTest, DeclaredOptionsCannotBeDisabled) {
  Result<DictionaryEntry> r = Put(kCategories, "cadre", "党政干部培训", true);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasFieldError(r.status(), "disabled"));
  EXPECT_FALSE(r.status().details()[0].message_zh.empty());
  EXPECT_FALSE(r.status().details()[0].message_en.empty());
  EXPECT_EQ(AuditRows(db(), "dictionary_update"), 0);
}

TEST_P(DictionaryServiceTest, RejectsBadInputAndUnauthorisedActors) {
  EXPECT_TRUE(HasFieldError(Put(kCategories, "Bad-Code", "坏代码").status(), "code"));
  EXPECT_TRUE(HasFieldError(Put(kCategories, "x" + std::string(32, 'y'), "太长").status(), "code"));
  EXPECT_TRUE(HasFieldError(Put(kCategories, "blank", "  ").status(), "label_zh"));
  EXPECT_TRUE(HasFieldError(Put(kCategories, "twin", "其他").status(), "label_zh"));  // a declared label
  EXPECT_EQ(Put("trainings.nope", "x", "某").status().code(), Code::kNotFound);
  EXPECT_EQ(Put("trainings", "x", "某").status().code(), Code::kNotFound);
  EXPECT_EQ(Put("trainings.title", "x", "某").status().code(), Code::kNotFound);
  EXPECT_EQ(Put("people.poverty_status", "x", "某").status().code(), Code::kNotFound);
  EXPECT_EQ(Put(kCategories, "viewer_code", "某", false, 0, domain_test::Viewer()).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Put(kCategories, "staff_code", "某", false, 0, domain_test::StaffIn("522727")).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(dictionaries().List(domain_test::Viewer()).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(AuditRows(db(), "dictionary_update"), 0);
  EXPECT_EQ(Codes(LoadedCategories()), Codes(Category().options));
}

TEST_P(DictionaryServiceTest, TemplateOffersOnlyEnabledOptions) {
  ASSERT_TRUE(IsOk(Put(kCategories, "rural_revival", "乡村振兴培训").status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "old_kind", "旧类别", true).status()));
  ASSERT_TRUE(IsOk(service().RefreshDictionaries()));
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("dict_template_" + std::to_string(::getpid()) + ".xlsx")).string();
  ASSERT_TRUE(IsOk(WriteTemplate(Trainings(), path, &service().dictionary_snapshot())));
  std::string cells;
  ASSERT_TRUE(IsOk(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& row) {
    for (const std::string& c : row) cells += c + "|";
    return Status::Ok();
  })));
  std::filesystem::remove(path);
  EXPECT_NE(cells.find("乡村振兴培训"), std::string::npos) << cells;
  EXPECT_EQ(cells.find("旧类别"), std::string::npos) << cells;
}

// Each Upsert raises the generation once; a refused one leaves it as it was.
TEST_P(DictionaryServiceTest, GenerationRisesWithEachChangeOnly) {
  Result<int64_t> start = dictionaries().Generation();
  ASSERT_TRUE(IsOk(start.status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "cadre", "干部培训").status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "cadre", "干部轮训").status()));
  EXPECT_FALSE(Put(kCategories, "cadre", "干部轮训", /*disabled=*/true).ok());  // declared: not disabled
  Result<int64_t> now = dictionaries().Generation();
  ASSERT_TRUE(IsOk(now.status()));
  EXPECT_EQ(*now, *start + 2);
}

// The snapshot a service keeps is reloaded when, and only when, the stored entries changed,
// whichever connection changed them: here a second connection, as another process would.
TEST_P(DictionaryServiceTest, KeptSnapshotFollowsChangesFromAnotherConnection) {
  FaultyDatabase counted(db());  // counts this service's statements
  std::unique_ptr<LedgerService> reader = MakeService(counted);
  ASSERT_TRUE(IsOk(reader->RefreshDictionaries()));
  const int64_t before = counted.statement_calls();
  ASSERT_TRUE(IsOk(reader->RefreshDictionaries()));
  EXPECT_EQ(counted.statement_calls() - before, 1);  // the generation only: nothing reloaded
  EXPECT_EQ(Codes(reader->dictionary_snapshot().OptionsFor(Trainings(), Category())), Codes(Category().options));

  auto other_db = Database::Open(test_db().url());
  ASSERT_TRUE(other_db.ok()) << other_db.status().ToString();
  std::unique_ptr<LedgerService> writer = MakeService(**other_db);
  ASSERT_TRUE(IsOk(writer->dictionaries().Upsert(Actor::System(), kCategories, "rural_tourism", "乡村旅游", "", 0,
                                                 false).status()));
  ASSERT_TRUE(IsOk(reader->RefreshDictionaries()));
  EXPECT_EQ(reader->dictionary_snapshot().OptionsFor(Trainings(), Category()).back().code, "rural_tourism");

  // The next list sees it too: a filter by the new option's label is understood.
  ASSERT_TRUE(IsOk(writer->dictionaries().Upsert(Actor::System(), kCategories, "rural_tourism", "乡村游", "", 0,
                                                 false).status()));
  ListRequest by_label;
  by_label.equals = {{"category", "乡村游"}};
  EXPECT_TRUE(IsOk(reader->List(Actor::System(), Trainings(), by_label).status()));
}

// 方向 is one dictionary for the four ledgers that record it: listed once, naming them all, and
// one change relabels the option in each.
TEST_P(DictionaryServiceTest, ASharedOptionSetIsOneDictionaryForEveryFieldUsingIt) {
  Result<std::vector<DictionaryInfo>> all = dictionaries().List(Actor::System());
  ASSERT_TRUE(IsOk(all.status()));
  EXPECT_EQ(std::count_if(all->begin(), all->end(), [](const DictionaryInfo& d) { return d.field->key == "direction"; }), 1);
  auto it = std::find_if(all->begin(), all->end(), [](const DictionaryInfo& d) { return d.name == "direction"; });
  ASSERT_NE(it, all->end());
  std::vector<std::string> ledgers;
  for (const DictionaryUser& u : it->used_by) ledgers.push_back(u.ledger->name);
  EXPECT_EQ(ledgers, (std::vector<std::string>{"visits", "secondments", "trainings", "funds"}));

  ASSERT_TRUE(IsOk(Put("direction", "to_helped", "东部→西部").status()));
  Result<DictionarySnapshot> snapshot = dictionaries().Load();
  ASSERT_TRUE(IsOk(snapshot.status()));
  for (const DictionaryUser& u : it->used_by)
    EXPECT_EQ(snapshot->OptionsFor(*u.ledger, *u.field)[0].label_zh, "东部→西部") << u.ledger->name;
  // The per-ledger copy is no dictionary any more.
  EXPECT_EQ(Put("visits.direction", "to_helped", "东→西").status().code(), Code::kNotFound);
}

// Two ledgers declaring the very same options declare them as one shared set.
TEST(DictionaryDeclarations, IdenticalOptionListsAreOneSharedSet) {
  std::map<std::string, std::string> first_by_options;
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields) {
      const std::string name = DictionaryName(*def, f);
      if (name.empty()) continue;
      std::string key;
      for (const EnumOption& o : f.options) key += o.code + "=" + o.label_zh + ";";
      auto [it, fresh] = first_by_options.emplace(key, name);
      if (!fresh) {
        EXPECT_EQ(it->second, name) << def->name << "." << f.key << " repeats the options of " << it->second;
      }
    }
}

// A dictionary change's audit entry keeps what it replaced: the declared option on a first change.
TEST_P(DictionaryServiceTest, AChangeRecordsItsBefore) {
  ASSERT_TRUE(IsOk(Put(kCategories, "cadre", "干部培训").status()));
  ASSERT_TRUE(IsOk(Put(kCategories, "cadre", "党政干部培训").status()));
  auto rows = db().Query("SELECT before_json, after_json FROM audit_log WHERE action = 'dictionary_update' ORDER BY seq");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_NE(AsText(rows->rows[0][0]).find(Category().options[0].label_zh), std::string::npos) << AsText(rows->rows[0][0]);
  EXPECT_NE(AsText(rows->rows[1][0]).find("\"干部培训\""), std::string::npos) << AsText(rows->rows[1][0]);
  EXPECT_NE(AsText(rows->rows[1][1]).find("党政干部培训"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, DictionaryServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
