// parse_json_text against nlohmann's own parser: any bytes give the same document (key order and
// duplicate keys included) or the same exception, never a crash.
#include <cstdlib>
#include <string>

#include "fuzz_input.hpp"
#include "opsynth/core/json_parse.hpp"

namespace {

// The document as text, or the exception's type and message.
template <class Parse>
std::string outcome(Parse&& parse) {
  try {
    return "ok " + parse().dump(-1, ' ', false, opsynth::Json::error_handler_t::replace);
  } catch (const opsynth::Json::parse_error& e) {
    return std::string("parse_error ") + e.what();
  } catch (const opsynth::Json::out_of_range& e) {
    return std::string("out_of_range ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = opsynth::fuzz::as_text(data, size);
  const std::string ours = outcome([&] { return opsynth::parse_json_text(text); });
  const std::string theirs = outcome([&] { return opsynth::Json::parse(text.begin(), text.end()); });
  if (ours != theirs) std::abort();  // libFuzzer keeps the input
  return 0;
}
