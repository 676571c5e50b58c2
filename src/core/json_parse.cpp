#include "opsynth/core/json_parse.hpp"

#include <optional>
#include <vector>

#include "opsynth/core/json_object_index.hpp"

namespace opsynth {
namespace {

// nlohmann's SAX events into a Json document. The open containers form a stack; each value is
// placed where the key or array before it made room.
class OrderedDocument {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return place(Json(nullptr)); }
  bool boolean(bool b) { return place(Json(b)); }
  bool number_integer(number_integer_t n) { return place(Json(n)); }
  bool number_unsigned(number_unsigned_t n) { return place(Json(n)); }
  bool number_float(number_float_t n, const string_t&) { return place(Json(n)); }
  bool string(string_t& s) { return place(Json(std::move(s))); }
  bool binary(binary_t& b) { return place(Json(std::move(b))); }  // not in JSON text; the interface has it

  bool start_object(std::size_t) {
    Json& object = slot();
    object = Json::object();
    open_.push_back({&object, ObjectIndex(object)});
    return true;
  }
  bool key(string_t& k) {
    next_ = &(*open_.back().keys)[k];
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) {
    Json& array = slot();
    array = Json::array();
    open_.push_back({&array, std::nullopt});
    return true;
  }
  bool end_array() { return close(); }

  // Thrown as the DOM parser throws it (Json::parse with exceptions on): the parser passes the
  // exception's own type, parse_error or out_of_range.
  template <class Exception>
  [[noreturn]] bool parse_error(std::size_t, const std::string&, const Exception& e) {
    throw e;
  }

  Json take() { return std::move(root_); }

 private:
  struct Open {
    Json* container;
    std::optional<ObjectIndex> keys;  // set for an object
  };

  // Where the next value goes: the root, the slot the last key made, or a new array element.
  Json& slot() {
    if (open_.empty()) return root_;
    if (open_.back().keys) return *next_;
    return open_.back().container->get_ref<Json::array_t&>().emplace_back();
  }
  bool place(Json v) {
    slot() = std::move(v);
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  Json root_;
  std::vector<Open> open_;
  Json* next_ = nullptr;
};

}  // namespace

Json parse_json_text(std::string_view text) {
  OrderedDocument document;
  Json::sax_parse(text.begin(), text.end(), &document);
  return document.take();
}

}  // namespace opsynth
