#pragma once
// Reads one JSON object field by field, checking types, ranges and unknown keys, and records
// every problem with its JSON pointer. Shared by the scenario and lesson readers.

#include "problem.h"
#include "sim_time.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace model {

using Json = nlohmann::json;

// Parses text as JSON; on a syntax error, a number beyond a double's range or arrays and
// objects nested deeper than limits::kJsonDepth, adds a problem with line and column and returns
// nothing. Never throws.
std::optional<Json> parse_json_text(const std::string &text, const std::string &file,
                                    Problems &problems);

// Reads a whole regular file (at most max_bytes) into text; adds a problem when it cannot, and
// refuses folders, pipes and devices without blocking on them.
std::optional<std::string> read_text_file(const std::string &path, std::size_t max_bytes,
                                          Problems &problems);

// A key as one reference token of a JSON pointer (RFC 6901: "~" as "~0", "/" as "~1").
std::string json_pointer_token(const std::string &key);

class JsonReader {
public:
    JsonReader(const Json &value, std::string pointer, std::string file, Problems &problems);

    bool is_object() const { return ok_; }
    bool has(const char *key) const;
    const std::string &pointer() const { return pointer_; }

    void string(const char *key, std::string &out, bool required = false);
    void id(const char *key, std::string &out); // required, [A-Za-z0-9._:-]{1,64}
    void integer(const char *key, int &out, int lo, int hi, bool required = false);
    void u64(const char *key, std::uint64_t &out);
    void number(const char *key, double &out, double lo, double hi, bool required = false);
    void boolean(const char *key, bool &out);
    // A time in seconds (JSON number, may have a fraction) stored as whole milliseconds.
    void seconds(const char *key, Ms &out, Ms lo_ms, Ms hi_ms, bool required = false);
    void optional_seconds(const char *key, std::optional<Ms> &out, Ms lo_ms, Ms hi_ms);
    // A time in milliseconds (JSON integer).
    void millis(const char *key, Ms &out, Ms lo_ms, Ms hi_ms, bool required = false);
    void strings(const char *key, std::vector<std::string> &out);
    // An array of whole numbers, each within [lo, hi].
    void integers(const char *key, std::vector<int> &out, int lo, int hi);

    template <typename E>
    void enumeration(const char *key, E &out, const std::vector<std::pair<const char *, E>> &names,
                     bool required = false) {
        std::string text;
        if (!fetch(key, Json::value_t::string, "a string", required))
            return;
        text = (*value_)[key].template get<std::string>();
        for (const auto &[name, v] : names)
            if (text == name) {
                out = v;
                return;
            }
        std::string choices;
        for (const auto &n : names)
            choices += (choices.empty() ? "" : ", ") + std::string("\"") + n.first + "\"";
        fail(key, "expected one of " + choices + ", found \"" + text + "\"");
    }

    // Calls each(reader, index) for every object of the array under key.
    void objects(const char *key, const std::function<void(JsonReader &, std::size_t)> &each,
                 bool required = false);
    // A nested object.
    void object(const char *key, const std::function<void(JsonReader &)> &read,
                bool required = false);

    // Marks a key as known without reading it (the caller reads it from the raw JSON).
    void mark(const char *key) { seen_.insert(key); }
    // Reports every key that no call above asked for.
    void finish();

    // `key` may be a pointer below this object ("worked_examples/1"): a key read from the file
    // goes through json_pointer_token first.
    void fail(const std::string &key, const std::string &message);
    // A problem at a JSON pointer of the caller's making.
    void fail_at(const std::string &pointer, const std::string &message);
    std::string child(const std::string &key) const;

private:
    bool fetch(const char *key, Json::value_t type, const char *expected, bool required);
    // The whole number under key, if it is one from lo to hi; otherwise nothing, and the problem
    // is recorded. `expected` names what is wanted, `in_range` what must lie between lo and hi.
    std::optional<long long> whole_number_within(const char *key, long long lo, long long hi,
                                                 const char *expected, const char *in_range,
                                                 bool required);

    const Json *value_;
    std::string pointer_;
    std::string file_;
    Problems &problems_;
    std::set<std::string> seen_;
    bool ok_ = false;
};

std::string json_type_name(const Json &value);

} // namespace model
