// Typed, checked access to a Document, shared by every section reader. A getter either returns a
// value in the model's type and unit or throws ScenarioError with the pointer, the expected type
// and range and what was found; the section readers then say only which field, which range,
// which default. Object readers also decide what happens to keys nobody asked for: our own
// sections reject them (with a "did you mean" hint), AWS sections report them as ignored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/scenario/document.h"
#include "sim/engine/time.h"

namespace harness::scenario {

// An inclusive integer range; described as "an integer 1-10", or "an integer >= 6" when the
// upper bound is INT_MAX or more.
struct IntRange {
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  std::string describe() const;
};

// An inclusive range of (possibly fractional) seconds, described as "a number of seconds 5-300".
// The default upper bound keeps every duration far inside Millis (10^9 s is 31 years).
struct SecondsRange {
  double min = 0;
  double max = 1e9;
  std::string describe() const;
};

// An inclusive range of plain numbers, described as "a number 0-100".
struct NumberRange {
  double min = 0;
  double max = 1e9;
  std::string describe() const;
};

// JSON pointers (labelled by document) of fields we accept but do not model, each once, in
// pointer order: key by key, array indexes by number ("/a/2" before "/a/10").
class IgnoredFields {
 public:
  void add(std::string label) { labels_.insert(std::move(label)); }
  std::vector<std::string> list() const { return {labels_.begin(), labels_.end()}; }

 private:
  struct PointerOrder {
    bool operator()(const std::string& a, const std::string& b) const;
  };
  std::set<std::string, PointerOrder> labels_;
};

enum class UnknownKeys {
  reject,  // our own sections: an unknown key is an error, with a did-you-mean hint
  ignore,  // AWS sections: AWS prints far more than we model; list the rest as ignored
};

template <typename E>
struct Choice {
  std::string_view name;  // as it appears in JSON: "FARGATE", "stall"
  E value;
};

class ObjectReader;

// One value of a Document, addressed by its JSON pointer; possibly a required member that is
// missing (then every conversion fails with "found nothing (it is required)").
class Node {
 public:
  Node(const Document& document, const nlohmann::json& value, std::string pointer,
       IgnoredFields& ignored);

  const std::string& pointer() const { return pointer_; }
  const Document& document() const { return *document_; }
  const nlohmann::json& json() const { return *value_; }
  IgnoredFields& ignored() const { return *ignored_; }

  // Throws ScenarioError at this value: found is this value unless given.
  [[noreturn]] void fail(const std::string& expected) const;
  [[noreturn]] void fail(const std::string& expected, const std::string& found) const;
  // Throws ScenarioError placed at the key naming this object member (a misspelt key, a key
  // that must be a path); found is the key, quoted, after `found_prefix`.
  [[noreturn]] void fail_key(const std::string& expected,
                             const std::string& found_prefix = "") const;

  // A JSON integer (not 2.0) within `range`.
  std::int64_t as_int(IntRange range) const;
  int as_int32(IntRange range) const;
  // An integer within `range` given as a number or as a string of digits, as AWS prints a task
  // definition's "cpu": "256" and "memory": "512".
  int as_int_or_digits(IntRange range) const;
  // Any non-negative integer below 2^64 (seeds).
  std::uint64_t as_uint64() const;
  // A number of seconds, fractional allowed, rounded to the nearest millisecond.
  sim::Millis as_seconds(SecondsRange range = {}) const;
  // A number in `range`, times `scale`, rounded: fixed point, so the simulation needs no doubles
  // (requestErrorPercent 0.25 with scale 100 is 25 basis points).
  std::int64_t as_scaled(NumberRange range, double scale) const;
  // [low, high] with low <= high, both within `range` (jitter in permille).
  std::pair<int, int> as_int_pair(IntRange range) const;
  bool as_bool() const;
  std::string as_string() const;              // any string, "" included
  std::string as_name() const;                // a non-empty string
  std::vector<std::string> as_names() const;  // an array of non-empty strings
  template <typename E>
  E as_choice(std::initializer_list<Choice<E>> choices) const;
  // A name that must be one of `known`; returns its index. `what` names the list for the message:
  // expected one of the task definitions "web:1", "web:2" (did you mean "web:2"?), found "web:3".
  std::size_t as_reference(const std::vector<std::string>& known, const std::string& what) const;

  std::vector<Node> as_array() const;
  // An object whose keys are data (image references, endpoint paths), in key order.
  std::vector<std::pair<std::string, Node>> as_members() const;
  ObjectReader as_object(UnknownKeys unknown_keys) const;

  // Element `index` of an array, or member `key` of an object, that exists.
  Node child(std::size_t index) const;
  Node child(const std::string& key) const;

 private:
  friend class ObjectReader;
  static Node missing(const Node& parent, const std::string& key);
  std::string found() const;
  [[noreturn]] void fail_choice(const std::vector<std::string_view>& names) const;

  const Document* document_;
  const nlohmann::json* value_;
  std::string pointer_;
  IgnoredFields* ignored_;
  bool missing_ = false;
};

// Reads the members of one JSON object by name. Every key a reader asks for, present or not, is
// "known"; finish() then deals with the keys nobody asked for as `unknown_keys` says.
class ObjectReader {
 public:
  ObjectReader(Node node, UnknownKeys unknown_keys);

  const Node& node() const { return node_; }
  bool has(std::string_view key) const;

  std::optional<Node> get(std::string_view key);
  Node required(std::string_view key);

  // Member `key` converted by `convert(const Node&)`, or `fallback` when absent.
  template <typename T, typename Convert>
  T value_or(std::string_view key, T fallback, Convert convert) {
    const std::optional<Node> member = get(key);
    return member ? static_cast<T>(convert(*member)) : fallback;
  }
  int int_or(std::string_view key, int fallback, IntRange range);
  sim::Millis seconds_or(std::string_view key, sim::Millis fallback, SecondsRange range = {});
  bool bool_or(std::string_view key, bool fallback);
  std::string string_or(std::string_view key, std::string fallback);
  std::vector<std::string> names_or_empty(std::string_view key);
  template <typename E>
  E choice_or(std::string_view key, E fallback, std::initializer_list<Choice<E>> choices) {
    return value_or(key, fallback, [&](const Node& n) { return n.as_choice(choices); });
  }

  // Marks `keys` as known before they are read, so that finish() can run first: a misspelt
  // section is then reported as such, not as the names it should have defined being unknown.
  void declare(std::initializer_list<std::string_view> keys);

  // Rejects or records as ignored every key not asked for (or declared). Call after the last
  // get(); calling it again is harmless.
  void finish();

 private:
  Node node_;
  UnknownKeys unknown_keys_;
  std::vector<std::string> known_;
};

template <typename E>
E Node::as_choice(std::initializer_list<Choice<E>> choices) const {
  std::vector<std::string_view> names;
  for (const Choice<E>& choice : choices) {
    if (value_->is_string() && value_->get_ref<const std::string&>() == choice.name) {
      return choice.value;
    }
    names.push_back(choice.name);
  }
  fail_choice(names);
}

// Quotes and joins names for messages: "\"a\", \"b\", \"c\"".
std::string quoted_list(const std::vector<std::string>& names);

}  // namespace harness::scenario
