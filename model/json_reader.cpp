#include "json_reader.h"

#include "limits.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace model {

std::string json_type_name(const Json &value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return "an integer";
    case Json::value_t::number_float:
        return "a number with a fraction";
    default:
        return "an unsupported value";
    }
}

namespace {

// Tracks the keys of every open object while parsing, to refuse duplicate keys (the standard
// parser would silently keep the last one).
struct DuplicateKeys {
    std::vector<std::set<std::string>> open;
    std::vector<std::string> path;
    std::string duplicate; // JSON pointer of the first duplicate found
};

} // namespace

namespace {

// A line and column (both 1-based) for a byte offset into text.
std::string line_and_column(const std::string &text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// What a cheap pass over the text finds before the parser builds anything: where arrays and
// objects first nest deeper than the limit, and where the first number too large for a double
// is (the parser reports that one without a place).
struct TextScan {
    std::optional<std::size_t> too_deep;
    std::optional<std::size_t> huge_number;
    std::string huge_text;
};

TextScan scan_text(const std::string &text) {
    TextScan out;
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::kJsonDepth && !out.too_deep) {
                out.too_deep = i;
                return out;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        } else if ((c == '-' || (c >= '0' && c <= '9')) && !out.huge_number) {
            std::size_t j = i + 1;
            while (j < text.size() && std::strchr("0123456789.eE+-", text[j]) != nullptr)
                ++j;
            const std::string number = text.substr(i, j - i);
            if (number.find_first_of(".eE") != std::string::npos || number.size() > 18) {
                const double v = std::strtod(number.c_str(), nullptr);
                if (!std::isfinite(v)) {
                    out.huge_number = i;
                    out.huge_text = number.substr(0, 40);
                }
            }
            i = j - 1;
        }
    }
    return out;
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 4, column 32: syntax
// error while parsing value - invalid string: ...; last read: '...'". Keep the explanation,
// without the position (given separately) and the echo of raw bytes.
std::string explanation(std::string what) {
    if (const auto dash = what.find(" - "); dash != std::string::npos)
        what = what.substr(dash + 3);
    else if (const auto colon = what.find(": "); colon != std::string::npos)
        what = what.substr(colon + 2);
    else if (const auto bracket = what.find("] "); bracket != std::string::npos)
        what = what.substr(bracket + 2);
    if (const auto last = what.find("; last read: '"); last != std::string::npos) {
        const std::string rest = what.substr(last);
        const auto expected = rest.rfind("'; expected");
        what = what.substr(0, last) +
               (expected == std::string::npos ? "" : "; " + rest.substr(expected + 3));
    }
    return what;
}

} // namespace

std::optional<Json> parse_json_text(const std::string &text, const std::string &file,
                                    Problems &problems) {
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        problems.push_back({file, "byte " + std::to_string(nul),
                            "the file contains a NUL byte: it is binary or corrupt, not JSON"});
        return std::nullopt;
    }
    const TextScan scan = scan_text(text);
    if (scan.too_deep) {
        problems.push_back({file, line_and_column(text, *scan.too_deep),
                            "arrays and objects nest more than " +
                                std::to_string(limits::kJsonDepth) +
                                " levels deep here; no Failover Lab file needs more than a few "
                                "levels: flatten the value"});
        return std::nullopt;
    }
    DuplicateKeys dup;
    const Json::parser_callback_t watch = [&dup](int depth, Json::parse_event_t event,
                                                 Json &parsed) {
        const auto d = static_cast<std::size_t>(depth);
        switch (event) {
        case Json::parse_event_t::object_start:
            dup.open.resize(d + 1);
            dup.open[d].clear();
            break;
        case Json::parse_event_t::key: {
            const std::string key = parsed.get<std::string>();
            if (d > 0 && d <= dup.open.size() && !dup.open[d - 1].insert(key).second &&
                dup.duplicate.empty())
                dup.duplicate = key;
            break;
        }
        default:
            break;
        }
        return true;
    };
    try {
        Json parsed = Json::parse(text, watch);
        if (!dup.duplicate.empty()) {
            problems.push_back(
                {file, "",
                 "the key \"" + dup.duplicate + "\" appears twice in one object; keep only one"});
            return std::nullopt;
        }
        return parsed;
    } catch (const Json::parse_error &e) {
        const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        std::string what = explanation(e.what());
        if (offset >= text.size())
            what = "the file ends too early (is it truncated?): " + what;
        problems.push_back({file, line_and_column(text, offset), "not valid JSON: " + what});
        return std::nullopt;
    } catch (const Json::exception &e) {
        // Anything else the parser refuses, such as a number beyond a double's range
        // (out_of_range 406), which it reports without a place: the scan found it.
        if (scan.huge_number) {
            problems.push_back({file, line_and_column(text, *scan.huge_number),
                                "the number " + scan.huge_text +
                                    " is too large: numbers must lie within about 1.8e308"});
        } else {
            problems.push_back({file, "", "not valid JSON: " + explanation(e.what())});
        }
        return std::nullopt;
    }
}

std::optional<std::string> read_text_file(const std::string &path, std::size_t max_bytes,
                                          Problems &problems) {
    // Opened without blocking, and checked to be a regular file before anything is read: a
    // FIFO or a device would otherwise block or never end, and a folder has no text.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            problems.push_back({path, "", "this is a folder, not a file"});
        else
            problems.push_back(
                {path, "",
                 std::string("cannot open the file for reading (") + std::strerror(error) + ")"});
        return std::nullopt;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        problems.push_back({path, "", "cannot read the file's size"});
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
        problems.push_back({path, "", "this is a folder, not a file"});
        return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
        problems.push_back(
            {path, "",
             "this is not a regular file (a pipe, socket or device); save the text to a file "
             "and open that"});
        return std::nullopt;
    }
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
        problems.push_back({path, "",
                            "the file is " + std::to_string(static_cast<long long>(info.st_size)) +
                                " bytes; at most " + std::to_string(max_bytes) +
                                " bytes are accepted"});
        return std::nullopt;
    }
    // Read to the end, whatever the size said (a file may grow while it is read), but never
    // more than one byte past the limit.
    std::string text;
    text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    while (text.size() <= max_bytes) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            problems.push_back({path, "", "the file could not be read to its end"});
            return std::nullopt;
        }
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    if (text.size() > max_bytes) {
        problems.push_back({path, "",
                            "the file is larger than " + std::to_string(max_bytes) +
                                " bytes, the most that is accepted"});
        return std::nullopt;
    }
    return text;
}

namespace {

// An integer field's value, from an integer or a whole number written with a fraction ("2.0");
// very large values saturate so that range checks reject them.
long long whole_number(const Json &v) {
    if (v.is_number_float())
        return static_cast<long long>(v.get<double>());
    if (v.is_number_unsigned() && v.get<unsigned long long>() > 1ULL << 62)
        return 1LL << 62;
    return v.get<long long>();
}

} // namespace

JsonReader::JsonReader(const Json &value, std::string pointer, std::string file, Problems &problems)
    : value_(&value), pointer_(std::move(pointer)), file_(std::move(file)), problems_(problems) {
    ok_ = value.is_object();
    if (!ok_)
        add_problem(problems_, {file_, pointer_.empty() ? "/" : pointer_,
                                "expected an object, found " + json_type_name(value)});
}

std::string json_pointer_token(const std::string &key) {
    if (key.find_first_of("~/") == std::string::npos)
        return key;
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string JsonReader::child(const std::string &key) const {
    return pointer_ + "/" + key;
}

void JsonReader::fail(const std::string &key, const std::string &message) {
    add_problem(problems_,
                {file_, key.empty() ? (pointer_.empty() ? "/" : pointer_) : child(key), message});
}

void JsonReader::fail_at(const std::string &pointer, const std::string &message) {
    add_problem(problems_, {file_, pointer, message});
}

bool JsonReader::has(const char *key) const {
    return ok_ && value_->contains(key);
}

bool JsonReader::fetch(const char *key, Json::value_t type, const char *expected, bool required) {
    if (!ok_)
        return false;
    seen_.insert(key);
    if (!value_->contains(key)) {
        if (required)
            fail("", std::string("the field \"") + key + "\" is required");
        return false;
    }
    const Json &v = (*value_)[key];
    const bool whole = v.is_number_float() && v.get<double>() == std::floor(v.get<double>()) &&
                       std::fabs(v.get<double>()) < 9e15;
    const bool number_ok =
        (type == Json::value_t::number_float && v.is_number()) ||
        (type == Json::value_t::number_integer && (v.is_number_integer() || whole));
    if (v.type() != type && !number_ok) {
        fail(key, std::string("expected ") + expected + ", found " + json_type_name(v));
        return false;
    }
    return true;
}

void JsonReader::string(const char *key, std::string &out, bool required) {
    if (!fetch(key, Json::value_t::string, "a string", required))
        return;
    out = (*value_)[key].get<std::string>();
    if (out.size() > limits::kTextChars)
        fail(key, "the text is longer than " + std::to_string(limits::kTextChars) + " characters");
}

void JsonReader::id(const char *key, std::string &out) {
    if (!fetch(key, Json::value_t::string, "a string", true))
        return;
    const std::string v = (*value_)[key].get<std::string>();
    bool good = !v.empty() && v.size() <= 64;
    for (char c : v)
        good = good && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':');
    if (!good) {
        fail(key, "expected an id of 1 to 64 letters, digits or - _ . : characters, found \"" +
                      v.substr(0, 80) + "\"");
        return;
    }
    out = v;
}

std::optional<long long> JsonReader::whole_number_within(const char *key, long long lo,
                                                         long long hi, const char *expected,
                                                         const char *in_range, bool required) {
    if (!fetch(key, Json::value_t::number_integer, expected, required))
        return std::nullopt;
    const Json &v = (*value_)[key];
    const long long x = whole_number(v);
    if (x < lo || x > hi) {
        fail(key, std::string("expected ") + in_range + " from " + std::to_string(lo) + " to " +
                      std::to_string(hi) + ", found " + v.dump());
        return std::nullopt;
    }
    return x;
}

void JsonReader::integer(const char *key, int &out, int lo, int hi, bool required) {
    if (const auto x = whole_number_within(key, lo, hi, "an integer", "an integer", required))
        out = static_cast<int>(*x);
}

void JsonReader::u64(const char *key, std::uint64_t &out) {
    if (!fetch(key, Json::value_t::number_integer, "a non-negative integer", false))
        return;
    const Json &v = (*value_)[key];
    const bool negative = v.is_number_float() ? v.get<double>() < 0
                                              : !v.is_number_unsigned() && v.get<long long>() < 0;
    if (negative) {
        fail(key, "expected a non-negative integer, found " + v.dump());
        return;
    }
    out = v.get<std::uint64_t>();
}

void JsonReader::number(const char *key, double &out, double lo, double hi, bool required) {
    if (!fetch(key, Json::value_t::number_float, "a number", required))
        return;
    const double x = (*value_)[key].get<double>();
    if (!(x >= lo && x <= hi)) {
        std::ostringstream msg;
        msg << "expected a number from " << lo << " to " << hi << ", found "
            << (*value_)[key].dump();
        fail(key, msg.str());
        return;
    }
    out = x;
}

void JsonReader::boolean(const char *key, bool &out) {
    if (!fetch(key, Json::value_t::boolean, "true or false", false))
        return;
    out = (*value_)[key].get<bool>();
}

void JsonReader::seconds(const char *key, Ms &out, Ms lo_ms, Ms hi_ms, bool required) {
    if (!fetch(key, Json::value_t::number_float, "a number of seconds", required))
        return;
    const double s = (*value_)[key].get<double>();
    const double ms = s * 1000.0;
    if (!(ms >= static_cast<double>(lo_ms) && ms <= static_cast<double>(hi_ms))) {
        std::ostringstream msg;
        msg << "expected seconds from " << static_cast<double>(lo_ms) / 1000.0 << " to "
            << static_cast<double>(hi_ms) / 1000.0 << ", found " << (*value_)[key].dump();
        fail(key, msg.str());
        return;
    }
    out = static_cast<Ms>(std::llround(ms));
}

void JsonReader::optional_seconds(const char *key, std::optional<Ms> &out, Ms lo_ms, Ms hi_ms) {
    if (!has(key)) {
        seen_.insert(key);
        return;
    }
    Ms v = 0;
    const auto before = problems_.size();
    seconds(key, v, lo_ms, hi_ms);
    if (problems_.size() == before)
        out = v;
}

void JsonReader::millis(const char *key, Ms &out, Ms lo_ms, Ms hi_ms, bool required) {
    if (const auto x = whole_number_within(key, lo_ms, hi_ms, "a whole number of milliseconds",
                                           "milliseconds", required))
        out = *x;
}

void JsonReader::strings(const char *key, std::vector<std::string> &out) {
    if (!fetch(key, Json::value_t::array, "an array of strings", false))
        return;
    out.clear();
    const Json &arr = (*value_)[key];
    if (arr.size() > limits::kListEntries) {
        fail(key, "expected at most " + std::to_string(limits::kListEntries) + " entries, found " +
                      std::to_string(arr.size()));
        return;
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
        if (!arr[i].is_string()) {
            fail_at(child(key) + "/" + std::to_string(i),
                    "expected a string, found " + json_type_name(arr[i]));
            continue;
        }
        out.push_back(arr[i].get<std::string>());
    }
}

void JsonReader::integers(const char *key, std::vector<int> &out, int lo, int hi) {
    if (!fetch(key, Json::value_t::array, "an array of whole numbers", false))
        return;
    out.clear();
    const Json &arr = (*value_)[key];
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const std::string at = child(key) + "/" + std::to_string(i);
        if (!arr[i].is_number_integer()) {
            problems_.push_back(
                {file_, at, "expected a whole number, found " + json_type_name(arr[i])});
            continue;
        }
        const auto v = arr[i].get<std::int64_t>();
        if (v < lo || v > hi) {
            problems_.push_back({file_, at,
                                 "expected a whole number from " + std::to_string(lo) + " to " +
                                     std::to_string(hi) + ", found " + std::to_string(v)});
            continue;
        }
        out.push_back(static_cast<int>(v));
    }
}

void JsonReader::objects(const char *key,
                         const std::function<void(JsonReader &, std::size_t)> &each,
                         bool required) {
    if (!fetch(key, Json::value_t::array, "an array", required))
        return;
    const Json &arr = (*value_)[key];
    if (arr.size() > limits::kListEntries) {
        fail(key, "expected at most " + std::to_string(limits::kListEntries) + " entries, found " +
                      std::to_string(arr.size()));
        return;
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
        JsonReader r(arr[i], child(key) + "/" + std::to_string(i), file_, problems_);
        if (!r.is_object())
            continue;
        each(r, i);
        r.finish();
    }
}

void JsonReader::object(const char *key, const std::function<void(JsonReader &)> &read,
                        bool required) {
    if (!fetch(key, Json::value_t::object, "an object", required))
        return;
    JsonReader r((*value_)[key], child(key), file_, problems_);
    read(r);
    r.finish();
}

void JsonReader::finish() {
    if (!ok_)
        return;
    for (const auto &[k, v] : value_->items())
        if (!seen_.count(k)) {
            std::string known;
            for (const auto &s : seen_)
                known += (known.empty() ? "" : ", ") + s;
            // The key comes from the file: one reference token of the pointer, escaped.
            fail(json_pointer_token(k),
                 "unknown field \"" + k + "\"; the fields here are: " + known);
        }
}

} // namespace model
