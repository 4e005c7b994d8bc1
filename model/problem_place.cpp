#include "problem_place.h"

#include "field_spec.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace model {
using Json = nlohmann::json;

namespace {

struct ArrayKind {
    const char *array;
    const char *kind;
};

// The arrays of a scenario file that hold components, and the kind_of() spelling of each.
constexpr ArrayKind kArrayKinds[] = {
    {"regions", "region"},
    {"rtt_overrides", "rtt_overrides"},
    {"app_tiers", "app_tier"},
    {"data_stores", "data_store"},
    {"databases", "database"},
    {"health_checks", "health_check"},
    {"dns", "dns"},
    {"accelerators", "accelerator"},
    {"distributions", "distribution"},
    {"populations", "population"},
    {"faults", "fault"},
};

std::vector<std::string> tokens_of(const std::string &pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty() || pointer[0] != '/')
        return tokens;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(token);
            token.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size()) {
            token += pointer[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return tokens;
}

bool is_index(const std::string &token) {
    if (token.empty() || token.size() > 9)
        return false;
    for (char c : token)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

// What a list element is called by: its id, region or target, else its 1-based position.
std::string element_name(const Json &element, std::size_t index) {
    if (element.is_object())
        for (const char *key : {"id", "region", "target"})
            if (element.contains(key) && element[key].is_string())
                return element[key].get<std::string>();
    return std::to_string(index + 1);
}

std::string component_id(const Json &element, const char *kind, std::size_t index) {
    const std::string_view k(kind);
    if (k == "rtt_overrides" && element.is_object())
        return element.value("a", std::string()) + " / " + element.value("b", std::string());
    if (element.is_object() && element.contains("id") && element["id"].is_string())
        return element["id"].get<std::string>();
    return k == "fault" ? "fault-" + std::to_string(index + 1) : std::to_string(index + 1);
}

// Walks the tokens below a component (or the settings) down to the field.
void walk(ProblemPlace &place, const Json *at, const std::vector<std::string> &tokens,
          std::size_t from) {
    for (std::size_t i = from; i < tokens.size(); ++i) {
        const std::string &token = tokens[i];
        const Json *value = at && at->is_object() && at->contains(token) ? &(*at)[token] : nullptr;
        const bool list_element = i + 1 < tokens.size() && is_index(tokens[i + 1]) && value &&
                                  value->is_array() && !value->empty() &&
                                  value->front().is_object();
        if (list_element) {
            const auto index = static_cast<std::size_t>(std::stoul(tokens[i + 1]));
            const Json *element = index < value->size() ? &(*value)[index] : nullptr;
            place.part_key = token;
            place.part_name = element ? element_name(*element, index) : tokens[i + 1];
            place.section += "/" + token;
            at = element;
            ++i;
            continue;
        }
        if (value && value->is_object() && i + 1 < tokens.size()) {
            place.section += "/" + token;
            at = value;
            continue;
        }
        place.key = token;
        return;
    }
}

std::string label_of(const std::string &section, const std::string &key) {
    const FieldSpec *spec = find_field_spec(section, key);
    return spec ? spec->label : key;
}

} // namespace

ProblemPlace place_of(const Json &document, const std::string &pointer) {
    ProblemPlace place;
    const std::vector<std::string> tokens = tokens_of(pointer);
    if (tokens.empty() || !document.is_object())
        return place;
    const std::string &top = tokens[0];
    if (top == "settings" || top == "cost") {
        place.kind = place.section = top;
        walk(place, document.contains(top) ? &document[top] : nullptr, tokens, 1);
        return place;
    }
    for (const ArrayKind &a : kArrayKinds) {
        if (top != a.array)
            continue;
        if (tokens.size() < 2 || !is_index(tokens[1]))
            return place; // the list as a whole ("a scenario needs at least one region")
        const auto index = static_cast<std::size_t>(std::stoul(tokens[1]));
        const Json *list = document.contains(top) ? &document[top] : nullptr;
        const Json *element =
            list && list->is_array() && index < list->size() ? &(*list)[index] : nullptr;
        place.kind = place.section = a.kind;
        place.id = element ? component_id(*element, a.kind, index) : tokens[1];
        walk(place, element, tokens, 2);
        return place;
    }
    if (tokens.size() == 1 && find_field_spec("scenario", top)) {
        place.kind = place.section = "scenario";
        place.key = top;
    }
    return place;
}

void locate_problems(Problems &problems, const Json &document) {
    for (Problem &p : problems)
        if (p.place.empty())
            p.place = place_of(document, p.where);
}

std::string place_words(const ProblemPlace &place) {
    if (place.empty())
        return {};
    std::string words = kind_label(place.kind);
    if (words.empty())
        words = place.kind;
    if (!place.id.empty())
        words += " " + place.id;
    if (!place.part_key.empty()) {
        // The section the list belongs to: the one before the list's own key.
        const auto at = place.section.rfind("/" + place.part_key);
        const std::string outer =
            at == std::string::npos ? place.section : place.section.substr(0, at);
        words += ", " + label_of(outer, place.part_key) + " " + place.part_name;
    }
    if (!place.key.empty())
        words += ", " + label_of(place.section, place.key);
    return words;
}

} // namespace model
