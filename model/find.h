#pragma once
// Finding the element of a list that has a given id: the lookup nearly every part of the model
// makes (a scenario's regions, tiers, names, a run's populations), written once. Ids are unique
// where the scenario checks hold them to be, so the first match is the only one.

#include <algorithm>
#include <iterator>
#include <memory>
#include <ranges>
#include <string>
#include <vector>

namespace model {

// The element whose `id` equals `id`, or nullptr. A const range gives a const pointer.
template <std::ranges::forward_range Range, typename Id>
auto find_by_id(Range &range, const Id &id)
    -> decltype(std::addressof(*std::ranges::begin(range))) {
    for (auto &item : range)
        if (item.id == id)
            return std::addressof(item);
    return nullptr;
}
// A temporary range is refused: the pointer would outlive the element it points to.
template <std::ranges::forward_range Range, typename Id>
void find_by_id(const Range &&range, const Id &id) = delete;

// The position of the element whose `id` equals `id`, or -1: for tables kept in step with the
// scenario's lists (the engine's per-tier and per-region state).
template <std::ranges::forward_range Range, typename Id>
int index_of_id(const Range &range, const Id &id) {
    int i = 0;
    for (const auto &item : range) {
        if (item.id == id)
            return i;
        ++i;
    }
    return -1;
}

// Whether a list of ids holds `id`.
inline bool contains(const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace model
