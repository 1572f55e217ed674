#include "harness/scenario/json_reader.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

#include "harness/scenario/position_index.h"
#include "harness/scenario/spelling_hint.h"

namespace harness::scenario {
namespace {

const nlohmann::json kMissing;  // what a missing member's Node points at

std::string parent_pointer(const std::string& pointer) {
  return pointer.substr(0, pointer.rfind('/'));
}

std::string json_quoted(std::string_view name) { return nlohmann::json(std::string(name)).dump(); }

// The integer a JSON value holds, if it holds one (a JSON integer, not 2.0).
std::optional<std::int64_t> integer_value(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    const auto unsigned_value = value.get<std::uint64_t>();
    if (unsigned_value > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(unsigned_value);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

// "256" as AWS prints cpu and memory: digits only, short enough not to overflow.
std::optional<std::int64_t> digits_value(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  if (text.empty() || text.size() > 18) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

bool in_range(std::int64_t value, IntRange range) {
  return value >= range.min && value <= range.max;
}

// 0.001 and 1000000000 rather than 1e-03 and 1e+09: the shortest exact fixed-point form.
std::string plain_number(double value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

IntRange clamped_to_int(IntRange range) {
  return {std::max<std::int64_t>(range.min, INT_MIN), std::min<std::int64_t>(range.max, INT_MAX)};
}

}  // namespace

std::string IntRange::describe() const {
  // A bound no one would write (int's maximum and beyond) reads better left out.
  if (max >= INT_MAX) {
    return "an integer >= " + std::to_string(min);
  }
  return "an integer " + std::to_string(min) + "-" + std::to_string(max);
}

std::string SecondsRange::describe() const {
  return "a number of seconds " + plain_number(min) + "-" + plain_number(max);
}

std::string NumberRange::describe() const {
  return "a number " + plain_number(min) + "-" + plain_number(max);
}

bool IgnoredFields::PointerOrder::operator()(const std::string& a, const std::string& b) const {
  // Token by token; array indexes (digits, never with leading zeros) sort by number and before
  // keys, which sort as strings.
  const auto is_index = [](std::string_view token) {
    return !token.empty() &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const std::size_t a_end = std::min(a.find('/', i), a.size());
    const std::size_t b_end = std::min(b.find('/', j), b.size());
    const std::string_view a_token(a.data() + i, a_end - i);
    const std::string_view b_token(b.data() + j, b_end - j);
    if (a_token != b_token) {
      const bool a_index = is_index(a_token);
      const bool b_index = is_index(b_token);
      if (a_index != b_index) return a_index;
      if (a_index && a_token.size() != b_token.size()) return a_token.size() < b_token.size();
      return a_token < b_token;
    }
    i = a_end + 1;
    j = b_end + 1;
  }
  return i >= a.size() && j < b.size();  // a is a proper prefix of b
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + json_quoted(name);
  return list;
}

Node::Node(const Document& document, const nlohmann::json& value, std::string pointer,
           IgnoredFields& ignored)
    : document_(&document), value_(&value), pointer_(std::move(pointer)), ignored_(&ignored) {}

Node Node::missing(const Node& parent, const std::string& key) {
  Node node(*parent.document_, kMissing, parent.pointer_ + "/" + pointer_token(key),
            *parent.ignored_);
  node.missing_ = true;
  return node;
}

std::string Node::found() const {
  if (missing_) return "nothing (it is required)";
  std::string text = value_->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Short values are shown as written ([1200, 800] tells more than "an array"); long ones are
  // cut, or named when they are structures.
  if (value_->is_structured() && text.size() > 40)
    return value_->is_object() ? "an object" : "an array";
  if (text.size() > 60) text = text.substr(0, 56) + "...\"";
  return text;
}

void Node::fail(const std::string& expected) const { fail(expected, found()); }

void Node::fail(const std::string& expected, const std::string& found) const {
  // A missing member has no text of its own: point at the object it should be in.
  document_->fail(pointer_, expected, found, missing_ ? parent_pointer(pointer_) : pointer_);
}

void Node::fail_key(const std::string& expected, const std::string& found_prefix) const {
  const std::string key = pointer_.substr(pointer_.rfind('/') + 1);
  const std::string decoded = nlohmann::json::json_pointer("/" + key).back();
  document_->fail(pointer_, expected, found_prefix + json_quoted(decoded), pointer_,
                  /*at_key=*/true);
}

void Node::fail_choice(const std::vector<std::string_view>& names) const {
  std::vector<std::string> list(names.begin(), names.end());
  fail("one of " + quoted_list(list));
}

std::int64_t Node::as_int(IntRange range) const {
  const std::optional<std::int64_t> value = integer_value(*value_);
  if (!value || !in_range(*value, range)) fail(range.describe());
  return *value;
}

int Node::as_int32(IntRange range) const { return static_cast<int>(as_int(clamped_to_int(range))); }

int Node::as_int_or_digits(IntRange range) const {
  range = clamped_to_int(range);
  std::optional<std::int64_t> value = integer_value(*value_);
  if (!value) value = digits_value(*value_);
  if (!value || !in_range(*value, range)) {
    fail(range.describe() + " (a number or a string of digits)");
  }
  return static_cast<int>(*value);
}

std::uint64_t Node::as_uint64() const {
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  // nlohmann reads "-0" as a signed integer; it is 0, in range, and was refused as "found 0".
  if (value_->is_number_integer() && value_->get<std::int64_t>() == 0) return 0;
  fail("an integer 0-18446744073709551615");
}

sim::Millis Node::as_seconds(SecondsRange range) const {
  if (!value_->is_number()) fail(range.describe());
  const double seconds = value_->get<double>();
  if (!std::isfinite(seconds) || seconds < static_cast<double>(range.min) ||
      seconds > static_cast<double>(range.max)) {
    fail(range.describe());
  }
  return sim::Millis{std::llround(seconds * 1000.0)};
}

std::int64_t Node::as_scaled(NumberRange range, double scale) const {
  if (!value_->is_number()) fail(range.describe());
  const double value = value_->get<double>();
  if (!std::isfinite(value) || value < range.min || value > range.max) fail(range.describe());
  return std::llround(value * scale);
}

std::pair<int, int> Node::as_int_pair(IntRange range) const {
  range = clamped_to_int(range);
  const std::string expected = "[low, high] with low <= high, each " + range.describe();
  if (!value_->is_array() || value_->size() != 2) fail(expected);
  const int low = child(0).as_int32(range);
  const int high = child(1).as_int32(range);
  if (low > high) fail(expected);
  return {low, high};
}

bool Node::as_bool() const {
  if (!value_->is_boolean()) fail("true or false");
  return value_->get<bool>();
}

std::string Node::as_string() const {
  if (!value_->is_string()) fail("a string");
  return value_->get<std::string>();
}

std::string Node::as_name() const {
  if (!value_->is_string() || value_->get_ref<const std::string&>().empty()) {
    fail("a non-empty string");
  }
  return value_->get<std::string>();
}

std::vector<std::string> Node::as_names() const {
  std::vector<std::string> names;
  for (const Node& element : as_array()) names.push_back(element.as_name());
  return names;
}

std::size_t Node::as_reference(const std::vector<std::string>& known,
                               const std::string& what) const {
  const std::string name = as_name();
  const auto it = std::find(known.begin(), known.end(), name);
  if (it != known.end()) return static_cast<std::size_t>(it - known.begin());
  if (known.empty()) fail("one of the " + what + " (there are none)");
  const std::optional<std::string> hint = closest_match(name, known);
  fail("one of the " + what + " " + quoted_list(known) +
       (hint ? " (did you mean " + json_quoted(*hint) + "?)" : ""));
}

std::vector<Node> Node::as_array() const {
  if (!value_->is_array()) fail("an array");
  std::vector<Node> elements;
  for (std::size_t i = 0; i < value_->size(); ++i) elements.push_back(child(i));
  return elements;
}

std::vector<std::pair<std::string, Node>> Node::as_members() const {
  if (!value_->is_object()) fail("an object");
  std::vector<std::pair<std::string, Node>> members;
  for (const auto& [key, value] : value_->items()) members.emplace_back(key, child(key));
  return members;
}

ObjectReader Node::as_object(UnknownKeys unknown_keys) const {
  return ObjectReader(*this, unknown_keys);
}

Node Node::child(std::size_t index) const {
  return Node(*document_, (*value_)[index], pointer_ + "/" + std::to_string(index), *ignored_);
}

Node Node::child(const std::string& key) const {
  return Node(*document_, value_->at(key), pointer_ + "/" + pointer_token(key), *ignored_);
}

ObjectReader::ObjectReader(Node node, UnknownKeys unknown_keys)
    : node_(std::move(node)), unknown_keys_(unknown_keys) {
  if (!node_.json().is_object()) node_.fail("an object");
}

bool ObjectReader::has(std::string_view key) const { return node_.json().contains(key); }

std::optional<Node> ObjectReader::get(std::string_view key) {
  declare({key});
  if (!has(key)) return std::nullopt;
  return node_.child(std::string(key));
}

Node ObjectReader::required(std::string_view key) {
  std::optional<Node> member = get(key);
  return member ? *member : Node::missing(node_, std::string(key));
}

int ObjectReader::int_or(std::string_view key, int fallback, IntRange range) {
  return value_or(key, fallback, [&](const Node& n) { return n.as_int32(range); });
}

sim::Millis ObjectReader::seconds_or(std::string_view key, sim::Millis fallback,
                                     SecondsRange range) {
  return value_or(key, fallback, [&](const Node& n) { return n.as_seconds(range); });
}

bool ObjectReader::bool_or(std::string_view key, bool fallback) {
  return value_or(key, fallback, [](const Node& n) { return n.as_bool(); });
}

std::string ObjectReader::string_or(std::string_view key, std::string fallback) {
  return value_or(key, std::move(fallback), [](const Node& n) { return n.as_string(); });
}

std::vector<std::string> ObjectReader::names_or_empty(std::string_view key) {
  return value_or(key, std::vector<std::string>{}, [](const Node& n) { return n.as_names(); });
}

void ObjectReader::declare(std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  }
}

void ObjectReader::finish() {
  for (const auto& [key, value] : node_.json().items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    const Node member = node_.child(key);
    if (unknown_keys_ == UnknownKeys::ignore) {
      node_.ignored().add(node_.document().label(member.pointer()));
      continue;
    }
    const std::optional<std::string> hint = closest_match(key, known_);
    member.fail_key(hint ? "a known key (did you mean " + json_quoted(*hint) + "?)"
                         : "one of the keys " + quoted_list(known_),
                    "unknown key ");
  }
}

}  // namespace harness::scenario
