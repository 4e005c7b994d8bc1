#include "model/find.h"
#include "model/scenario.h"

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace model;

namespace {

template <typename List>
concept finds_in = requires(List &&list) {
    find_by_id(std::forward<List>(list), "us-east-1");
};

std::vector<Region> three_regions() {
    std::vector<Region> regions(3);
    regions[0].id = "us-east-1";
    regions[1].id = "eu-west-1";
    regions[2].id = "ap-southeast-1";
    return regions;
}

} // namespace

TEST_CASE("find_by_id gives the element with that id, to change or to read", "[find]") {
    std::vector<Region> regions = three_regions();

    Region *found = find_by_id(regions, "eu-west-1");
    REQUIRE(found == &regions[1]);
    found->azs = 2;
    CHECK(regions[1].azs == 2);

    const std::vector<Region> &view = regions;
    const Region *seen = find_by_id(view, std::string("ap-southeast-1"));
    CHECK(seen == &regions[2]);
    STATIC_REQUIRE(std::is_same_v<decltype(find_by_id(view, "x")), const Region *>);
    STATIC_REQUIRE(std::is_same_v<decltype(find_by_id(regions, "x")), Region *>);
}

TEST_CASE("find_by_id gives nullptr for an id no element has", "[find]") {
    const std::vector<Region> regions = three_regions();
    CHECK(find_by_id(regions, "sa-east-1") == nullptr);
    CHECK(find_by_id(regions, "") == nullptr);
    std::vector<Region> none;
    CHECK(find_by_id(none, "us-east-1") == nullptr);
}

TEST_CASE("find_by_id refuses a temporary list, whose element would not outlive the call",
          "[find]") {
    STATIC_REQUIRE(finds_in<std::vector<Region> &>);
    STATIC_REQUIRE(finds_in<const std::vector<Region> &>);
    STATIC_REQUIRE_FALSE(finds_in<std::vector<Region>>);
    STATIC_REQUIRE_FALSE(finds_in<const std::vector<Region>>);
}

TEST_CASE("index_of_id gives the element's position, or -1", "[find]") {
    const std::vector<Region> regions = three_regions();
    CHECK(index_of_id(regions, "us-east-1") == 0);
    CHECK(index_of_id(regions, "ap-southeast-1") == 2);
    CHECK(index_of_id(regions, "sa-east-1") == -1);
    CHECK(index_of_id(std::vector<Region>{}, "us-east-1") == -1);
}

TEST_CASE("With a repeated id, both give the first element that has it", "[find]") {
    std::vector<Region> regions = three_regions();
    regions[2].id = "eu-west-1";
    CHECK(find_by_id(regions, "eu-west-1") == &regions[1]);
    CHECK(index_of_id(regions, "eu-west-1") == 1);
}
