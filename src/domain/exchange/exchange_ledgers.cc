// 两方力量: leadership visits, party–government joint meetings and signed agreements.
#include "domain/exchange/exchange_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& VisitsLedger() {
  static const F start = Date("start_date", "开始日期", "Start date").Required();
  static const F end = Date("end_date", "结束日期", "End date");
  static const LedgerDef def{
      .name = "visits", .module = "exchange", .label_zh = "交流互访", .label_en = "Visits",
      .fields = {
          Text("title", "互访事由", "Purpose").MaxChars(kMaxNameChars).Required().Searchable().Hint("如：党政代表团对接考察"),
          Enum("direction", "方向", "Direction", DirectionSet()).Required(),
          Text("leader_name", "带队领导", "Leader").MaxChars(kMaxNameChars).Searchable(),
          Text("leader_title", "领导职务", "Leader's title").MaxChars(kMaxNameChars),
          Integer("person_times", "人次", "Person-times").Required().Min(1).Hint("本批次参加人数"),
          start,
          end,
          Text("note", "备注", "Note")},
      .date_field = "start_date",
      .check = DatesInOrder(start, end)};
  return def;
}

const LedgerDef& MeetingsLedger() {
  static const LedgerDef def{
      .name = "meetings", .module = "exchange", .label_zh = "联席会议", .label_en = "Joint meetings",
      .fields = {
          Text("title", "会议名称", "Title").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("kind", "会议类型", "Kind",
               {{"joint", "党政联席会议", "party–government joint meeting"},
                {"working", "工作推进会", "working meeting"},
                {"other", "其他", "other"}}).Required(),
          Date("meeting_date", "会议日期", "Date").Required(),
          Region("location_region", "召开地", "Held in"),
          Text("chairs", "主持/出席领导", "Chaired by").Searchable(),
          Integer("participants", "参会人数", "Participants"),
          Text("outcome", "议定事项", "Outcome")},
      .date_field = "meeting_date"};
  return def;
}

const LedgerDef& AgreementsLedger() {
  static const LedgerDef def{
      .name = "agreements", .module = "exchange", .label_zh = "帮扶协议", .label_en = "Agreements",
      .fields = {
          Text("title", "协议名称", "Title").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("kind", "协议类型", "Kind",
               {{"annual", "年度帮扶协议", "yearly assistance agreement"},
                {"framework", "框架协议", "framework agreement"},
                {"consumption", "消费帮扶协议", "consumption assistance"},
                {"labor", "劳务协作协议", "labour cooperation"},
                {"other", "其他", "other"}}).Required(),
          Integer("year", "年度", "Year").Min(2016),
          Date("signed_date", "签订日期", "Signed on").Required(),
          Text("signatories", "签约方", "Signatories"),
          Text("summary", "主要内容", "Summary")},
      .date_field = "signed_date",
      .natural_key = "title"};
  return def;
}

}  // namespace shanhai
