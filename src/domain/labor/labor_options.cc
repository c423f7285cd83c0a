#include "domain/labor/labor_options.h"

#include "domain/labor/occupation_code.h"

namespace shanhai::labor {

RecordCheck OccupationCodesValid(std::string key, size_t max_codes) {
  return [key = std::move(key), max_codes](const Record*, const Record& r, std::vector<FieldError>& errors) {
    const Value* v = r.Get(key);
    if (!v || IsNull(*v)) return;
    const Result<std::vector<uint32_t>> codes = ParseOccupationList(AsText(*v));
    if (!codes.ok()) errors.push_back({0, key, codes.status().message_zh(), codes.status().message_en()});
    else if (codes->size() > max_codes)
      errors.push_back({0, key, "最多填写 " + std::to_string(max_codes) + " 个职业代码",
                        "at most " + std::to_string(max_codes) + " occupation code(s)"});
  };
}

RecordCheck StartsInState(std::string state, std::string label_zh, std::string label_en) {
  return [state = std::move(state), label_zh = std::move(label_zh), label_en = std::move(label_en)](
             const Record* before, const Record& r, std::vector<FieldError>& errors) {
    const Value* v = r.Get("status");
    if (before || !v || IsNull(*v) || AsText(*v) == state) return;
    errors.push_back({0, "status", "新登记的记录须为“" + label_zh + "”，其后经流程操作改变状态",
                      "a new record starts " + label_en + "; its state then changes through its transitions"});
  };
}

}  // namespace shanhai::labor
