// The ledger declarations and the migrated tables agree, on both backends: every column a
// declaration makes the repository read or write exists, no table column is undeclared, and a
// ledger with a natural key has no other unique key.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/ledger/ledger_repository.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

const std::vector<std::string> kBookkeeping = {"id", "created_at", "updated_at", "created_by", "updated_by", "version"};

std::vector<std::string> ExpectedColumns(const LedgerDef& def) {
  std::vector<std::string> columns = StoredColumnsOf(def);
  if (def.pair_scoped) {
    columns.push_back("pair_id");
    columns.push_back("helped_region");
  }
  columns.insert(columns.end(), kBookkeeping.begin(), kBookkeeping.end());
  return columns;
}

class LedgerSchemaTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Migrate(db())));
  }
};

TEST_P(LedgerSchemaTest, EveryDeclaredColumnExistsInItsTable) {
  for (const LedgerDef* def : AllLedgers()) {
    const std::vector<std::string> columns = ExpectedColumns(*def);
    std::string list;
    for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
    auto rows = db().Query("SELECT " + list + " FROM " + def->name + " WHERE 1=0");
    ASSERT_TRUE(rows.ok()) << def->name << ": " << rows.status().ToString();
    EXPECT_TRUE(rows->rows.empty());
    for (const std::string& c : columns) EXPECT_GE(rows->Column(c), 0) << def->name << "." << c;
  }
}

TEST_P(LedgerSchemaTest, NoTableColumnIsUndeclared) {
  for (const LedgerDef* def : AllLedgers()) {
    const std::vector<std::string> expected = ExpectedColumns(*def);
    const std::set<std::string> declared(expected.begin(), expected.end());
    auto rows = db().Query("SELECT * FROM " + def->name + " WHERE 1=0");
    ASSERT_TRUE(rows.ok()) << def->name << ": " << rows.status().ToString();
    ASSERT_FALSE(rows->columns.empty()) << def->name;
    for (const std::string& c : rows->columns) EXPECT_TRUE(declared.count(c)) << def->name << "." << c << " is not declared";
    EXPECT_EQ(rows->columns.size(), declared.size()) << def->name;
  }
}

// The unique keys of a table, each as its sorted column names.
std::set<std::set<std::string>> UniqueKeys(Database& db, Dialect dialect, const std::string& table) {
  std::set<std::set<std::string>> keys;
  if (dialect == Dialect::kSqlite) {
    auto indexes = db.Query("PRAGMA index_list(" + table + ")");
    EXPECT_TRUE(indexes.ok()) << indexes.status().ToString();
    if (!indexes.ok()) return keys;
    for (const auto& index : indexes->rows) {
      if (AsInt(index[indexes->Column("unique")]) == 0) continue;
      auto columns = db.Query("PRAGMA index_info(" + AsText(index[indexes->Column("name")]) + ")");
      EXPECT_TRUE(columns.ok()) << columns.status().ToString();
      std::set<std::string> key;
      for (const auto& c : columns->rows) key.insert(AsText(c[columns->Column("name")]));
      keys.insert(key);
    }
    return keys;
  }
  auto rows = db.Query(
      "SELECT i.indexrelid::text, a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
      "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::regclass AND i.indisunique AND NOT i.indisprimary",
      {table});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return keys;
  std::map<std::string, std::set<std::string>> by_index;
  for (const auto& r : rows->rows) by_index[AsText(r[0])].insert(AsText(r[1]));
  for (auto& [index, key] : by_index) keys.insert(std::move(key));
  return keys;
}

// An import told to update the stored records (StoredRows::kUpdate) finds each record by its
// natural key and writes the row over it keeping that key, so the database can refuse it for a
// duplicate only if the table has another unique key: it has none (BatchWriter::UpdateStored
// relies on this and does not restate a duplicate key). The key is within its pair, except for a
// registry across pairs (people, whose number is kept as its look-up hash) and the pairs.
TEST_P(LedgerSchemaTest, ALedgerWithANaturalKeyHasNoOtherUniqueKey) {
  int checked = 0;
  for (const LedgerDef* def : AllLedgers()) {
    if (def->natural_key.empty()) continue;
    const FieldDef* key = def->Field(def->natural_key);
    ASSERT_NE(key, nullptr) << def->name;
    std::set<std::string> expected{key->IsSensitive() ? key->key + "_hash" : key->key};
    if (def->pair_scoped && !key->IsSensitive()) expected.insert("pair_id");
    EXPECT_EQ(UniqueKeys(db(), GetParam(), def->name), (std::set<std::set<std::string>>{expected})) << def->name;
    ++checked;
  }
  EXPECT_GE(checked, 5);  // units, agreements, projects, investments, people, pairs
}

// The check above sees unique keys that are not natural keys (a pairing's units and level).
TEST_P(LedgerSchemaTest, UniqueKeysAreReadFromTheSchema) {
  EXPECT_EQ(UniqueKeys(db(), GetParam(), "pairings"),
            (std::set<std::set<std::string>>{{"helper_unit_id", "helped_unit_id", "level"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerSchemaTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

// Declarations that refer to each other or to their own fields must name things that exist.
TEST(LedgerDeclarations, ReferencesNameRealLedgersAndFields) {
  std::set<std::string> names;
  for (const LedgerDef* def : AllLedgers()) {
    EXPECT_TRUE(names.insert(def->name).second) << "duplicate ledger " << def->name;
    EXPECT_EQ(FindLedger(def->name), def);
    EXPECT_FALSE(def->label_zh.empty());
    EXPECT_FALSE(def->label_en.empty());
    if (!def->date_field.empty()) {
      const FieldDef* f = def->Field(def->date_field);
      ASSERT_NE(f, nullptr) << def->name << " date_field " << def->date_field;
      EXPECT_EQ(f->type, FieldType::kDate) << def->name;
    }
    if (!def->natural_key.empty()) {
      EXPECT_NE(def->Field(def->natural_key), nullptr) << def->name;
    }
    std::set<std::string> keys;
    for (const FieldDef& f : def->fields) {
      EXPECT_TRUE(keys.insert(f.key).second) << def->name << " repeats field " << f.key;
      EXPECT_FALSE(f.label_zh.empty()) << def->name << "." << f.key;
      EXPECT_FALSE(f.label_en.empty()) << def->name << "." << f.key;
      if (f.type == FieldType::kRef) {
        const LedgerDef* target = FindLedger(f.ref_ledger);
        ASSERT_NE(target, nullptr) << def->name << "." << f.key << " → " << f.ref_ledger;
        // A line's parent is set by the service (computed), never named in a spreadsheet.
        if (!f.computed) {
          EXPECT_FALSE(target->natural_key.empty())
              << def->name << "." << f.key << ": spreadsheets name a " << f.ref_ledger << " record by its natural key";
        }
        // A condition on the referenced record names a plain enum of it and one of its options.
        if (!f.ref_where.field.empty()) {
          const FieldDef* on = target->Field(f.ref_where.field);
          ASSERT_NE(on, nullptr) << def->name << "." << f.key << " where " << f.ref_where.field;
          EXPECT_EQ(on->type, FieldType::kEnum) << def->name << "." << f.key << " where " << f.ref_where.field;
          EXPECT_NE(on->FindOption(f.ref_where.code), nullptr) << def->name << "." << f.key << " where " << f.ref_where.code;
          EXPECT_FALSE(f.ref_where.reason_zh.empty() || f.ref_where.reason_en.empty()) << def->name << "." << f.key;
        }
      } else {
        EXPECT_TRUE(f.ref_where.field.empty()) << def->name << "." << f.key << ": a condition on a field that refers to nothing";
      }
      if (f.type == FieldType::kEnum || f.type == FieldType::kSensitiveEnum) {
        EXPECT_FALSE(f.options.empty()) << def->name << "." << f.key;
      }
      if (f.type == FieldType::kMoney) {
        EXPECT_TRUE(f.key.ends_with("_fen")) << def->name << "." << f.key;
      }
    }
  }
  EXPECT_EQ(FindLedger("no_such_ledger"), nullptr);
}

// A parent's lines are registered ledgers that name it back, through a computed ref to it.
TEST(LedgerDeclarations, LinesAndTheirParentsNameEachOther) {
  std::set<std::string> lines_declared;
  for (const LedgerDef* def : AllLedgers())
    for (const LineSet& set : def->lines) {
      ASSERT_NE(set.ledger, nullptr) << def->name;
      EXPECT_EQ(FindLedger(set.ledger->name), set.ledger) << def->name << " → " << set.ledger->name;
      EXPECT_EQ(set.ledger->line_of, def->name);
      EXPECT_FALSE(set.key.empty()) << def->name;
      EXPECT_EQ(def->Field(set.key), nullptr) << def->name << ": the lines' key " << set.key << " is also a field";
      EXPECT_LE(set.min, set.max) << def->name;
      const FieldDef* ref = set.ledger->Field(set.parent_field);
      ASSERT_NE(ref, nullptr) << set.ledger->name << "." << set.parent_field;
      EXPECT_EQ(ref->type, FieldType::kRef);
      EXPECT_EQ(ref->ref_ledger, def->name);
      EXPECT_TRUE(ref->computed) << set.ledger->name << "." << set.parent_field << " is set by the service";
      EXPECT_EQ(set.ledger->pair_scoped, def->pair_scoped) << "lines carry their parent's pair";
      lines_declared.insert(set.ledger->name);
    }
  for (const LedgerDef* def : AllLedgers()) {
    if (!def->line_of.empty()) {
      EXPECT_TRUE(lines_declared.count(def->name)) << def->name << " is no parent's line";
    }
  }
  EXPECT_TRUE(lines_declared.count("fund_tranches"));
}

}  // namespace
}  // namespace shanhai
