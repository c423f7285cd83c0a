#include "excel/xml_stream.h"

#include <expat.h>

#include <memory>

namespace shanhai::excel {
namespace {

constexpr int kChunkSize = 256 * 1024;

struct ParserDeleter {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

struct Context {
  XML_Parser parser;
  XmlHandler* handler;
};

void StopIfAsked(Context* ctx) {
  if (!ctx->handler->status().ok()) XML_StopParser(ctx->parser, XML_FALSE);
}

void XMLCALL StartElement(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* ctx = static_cast<Context*>(data);
  ctx->handler->OnStart(LocalName(name), attrs);
  StopIfAsked(ctx);
}

void XMLCALL EndElement(void* data, const XML_Char* name) {
  auto* ctx = static_cast<Context*>(data);
  ctx->handler->OnEnd(LocalName(name));
  StopIfAsked(ctx);
}

void XMLCALL CharacterData(void* data, const XML_Char* text, int len) {
  auto* ctx = static_cast<Context*>(data);
  ctx->handler->OnText(std::string_view(text, static_cast<size_t>(len)));
  StopIfAsked(ctx);
}

}  // namespace

const char* FindAttr(const char** attrs, std::string_view name) {
  for (; attrs[0] != nullptr; attrs += 2) {
    if (LocalName(attrs[0]) == name) return attrs[1];
  }
  return nullptr;
}

Status ParseZipXml(const ZipArchive& zip, const std::string& entry_name, XmlHandler& handler) {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<ZipEntry> entry, zip.OpenEntry(entry_name));
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) return Status::Internal("cannot create XML parser");
  Context ctx{parser.get(), &handler};
  XML_SetUserData(parser.get(), &ctx);
  XML_SetElementHandler(parser.get(), StartElement, EndElement);
  XML_SetCharacterDataHandler(parser.get(), CharacterData);

  bool done = false;
  while (!done) {
    void* buffer = XML_GetBuffer(parser.get(), kChunkSize);
    if (buffer == nullptr) return Status::Internal("out of memory parsing " + entry_name);
    SH_ASSIGN_OR_RETURN(size_t n, entry->Read(static_cast<char*>(buffer), kChunkSize));
    done = n == 0;
    if (XML_ParseBuffer(parser.get(), static_cast<int>(n), done) == XML_STATUS_ERROR) {
      if (!handler.status().ok()) return handler.status();
      const std::string line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
      const std::string why = XML_ErrorString(XML_GetErrorCode(parser.get()));
      return DamagedXlsx(entry_name + " 第 " + line + " 行 XML 格式错误：" + why,
                         "malformed XML in " + entry_name + " line " + line + ": " + why);
    }
  }
  return handler.status();
}

}  // namespace shanhai::excel
