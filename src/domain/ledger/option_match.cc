#include "domain/ledger/option_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "common/text.h"

namespace shanhai {

namespace {

// Dashes as typed, after NFKC (which already makes "－" '-'): hyphen, non-breaking hyphen,
// figure dash, en dash, em dash, horizontal bar, minus sign.
constexpr std::array<std::string_view, 7> kDashes = {"‐", "‑", "‒", "–", "—", "―", "−"};

// Builds a new string rather than replacing in place (GCC 12 warns -Wrestrict, wrongly, about
// std::string::replace here).
void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::string out;
  size_t done = 0;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, done)) {
    out.append(text, done, at - done).append(to);
    done = at + from.size();
  }
  if (done == 0) return;
  text = out.append(text, done, std::string::npos);
}

// How people write the arrow of "东部→西部" when they cannot type it: "->", a dash, "到".
constexpr std::array<std::string_view, 3> kArrows = {"->", "→", "到"};

bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

// The matches of one step: several enabled ones are ambiguous; else the one enabled, or failing
// that a disabled one (which the caller refuses as disabled).
OptionMatch Outcome(const std::vector<const EnumOption*>& found) {
  std::vector<const EnumOption*> enabled;
  std::copy_if(found.begin(), found.end(), std::back_inserter(enabled), [](const EnumOption* o) { return !o->disabled; });
  if (enabled.size() > 1) return {nullptr, std::move(enabled)};
  return {enabled.empty() ? found[0] : enabled[0], {}};
}

}  // namespace

std::string FoldedSpelling(std::string_view text) {
  std::string out = NormalizeInputLossy(text);
  for (std::string_view dash : kDashes) ReplaceAll(out, dash, "-");
  for (std::string_view arrow : kArrows) ReplaceAll(out, arrow, "-");
  std::erase_if(out, [](char c) { return c == ' ' || c == '\t'; });
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

std::string OptionShortLabel(std::string_view label) {
  std::string out;
  int depth = 0;  // brackets open
  for (size_t i = 0; i < label.size();) {
    const std::string_view rest = label.substr(i);
    const bool opens = rest.starts_with("（") || rest.starts_with("(");
    const bool closes = rest.starts_with("）") || rest.starts_with(")");
    const size_t length = rest.starts_with("（") || rest.starts_with("）") ? 3 : 1;  // UTF-8 bytes
    if (opens) ++depth;
    else if (closes && depth > 0) --depth;
    else if (depth == 0) out.append(rest.substr(0, length));
    i += length;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(label) : out;
}

OptionMatch MatchOption(const std::vector<EnumOption>& options, std::string_view typed, OptionMatching matching) {
  for (const EnumOption& o : options)
    if (o.code == typed || o.label_zh == typed || o.label_en == typed ||
        std::find(o.aliases.begin(), o.aliases.end(), typed) != o.aliases.end())
      return {&o, {}};

  const std::string wanted = FoldedSpelling(typed);
  if (wanted.empty()) return {};
  std::vector<const EnumOption*> found;
  for (const EnumOption& o : options) {
    const std::string forms[] = {o.code, o.label_zh, o.label_en, OptionShortLabel(o.label_zh),
                                 OptionShortLabel(o.label_en)};
    const auto folded_is_wanted = [&](const std::string& f) { return FoldedSpelling(f) == wanted; };
    if (std::any_of(std::begin(forms), std::end(forms), folded_is_wanted) ||
        std::any_of(o.aliases.begin(), o.aliases.end(), folded_is_wanted))
      found.push_back(&o);
  }
  if (!found.empty()) return Outcome(found);

  if (matching == OptionMatching::kExact || !HasNonAscii(wanted)) return {};
  for (const EnumOption& o : options)
    if (FoldedSpelling(o.label_zh).starts_with(wanted) || FoldedSpelling(OptionShortLabel(o.label_zh)).starts_with(wanted))
      found.push_back(&o);
  return found.empty() ? OptionMatch{} : Outcome(found);
}

}  // namespace shanhai
