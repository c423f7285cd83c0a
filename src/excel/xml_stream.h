// Streaming (SAX) parsing of one XML entry of a zip with expat: the document is never held whole,
// so memory stays bounded whatever the entry's size.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

// Receives parse events. Element and attribute names are given without namespace prefix
// ("x:row" → "row"), since OOXML writers differ in prefixes but never reuse local names.
// A handler stops the parse early by calling Stop(status) with a non-ok status.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // attrs is expat's null-terminated array name0, value0, name1, value1, ...
  virtual void OnStart(std::string_view name, const char** attrs) = 0;
  virtual void OnEnd(std::string_view name) = 0;
  // Character data, possibly split over several calls.
  virtual void OnText(std::string_view text) {}

  void Stop(Status status) { status_ = std::move(status); }
  const Status& status() const { return status_; }

 private:
  Status status_;
};

// The value of the attribute whose local name is `name`, or nullptr.
const char* FindAttr(const char** attrs, std::string_view name);

// The part of an element/attribute name after its namespace prefix.
// One pass, as it runs for every element of every sheet (names are a few characters).
inline std::string_view LocalName(const char* name) {
  const char* start = name;
  const char* p = name;
  for (; *p != '\0'; ++p) {
    if (*p == ':') start = p + 1;
  }
  return std::string_view(start, static_cast<size_t>(p - start));
}

// Streams entry `entry_name` of zip through handler. Returns the handler's stop status if it
// stopped, InvalidArgument (zh/en, naming entry and line) for malformed XML or a damaged entry.
// External entities are never loaded; expat's entity-expansion limits apply.
Status ParseZipXml(const ZipArchive& zip, const std::string& entry_name, XmlHandler& handler);

}  // namespace shanhai::excel
