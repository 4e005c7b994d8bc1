// Invariants over generated scenarios: whatever the deployment and the faults, the books
// balance and the run is reproducible.
#include "builders.h"
#include "generator.h"

#include "model/random.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace model;

namespace {

// Names a generated scenario by its generator seed, for the message of a failed check.
std::string describe(const Scenario &s) {
    return s.name + " (generator seed " + std::to_string(s.settings.seed) + ")";
}

void check_rto(const Rto &rto, const std::string &which) {
    INFO(which << " RTO, status " << to_string(rto.status));
    if (!rto.ms) {
        CHECK(rto.status != model::RtoStatus::ok);
        return;
    }
    CHECK(rto.status == model::RtoStatus::ok);
    const Breakdown &b = rto.breakdown;
    for (Ms part : {b.detection, b.propagation, b.client_cache, b.promotion, b.warmup, b.other})
        CHECK(part >= 0);
    CHECK(b.total() == *rto.ms);
}

} // namespace

TEST_CASE("Generated scenarios keep every invariant", "[properties]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const Scenario s = testing::generate_scenario(seed);
        INFO(describe(s));
        REQUIRE(testing::problems_text(check_scenario(s, "generated")) == "");
        const Report a = simulate(s);
        const Report b = simulate(s);
        // Two runs of the same scenario and seed give the same trace.
        CHECK(a.fingerprint == b.fingerprint);

        // Time never runs backwards.
        for (std::size_t i = 1; i < a.run.events.size(); ++i) {
            CAPTURE(i);
            CHECK(a.run.events[i - 1].t_ms <= a.run.events[i].t_ms);
            CHECK(a.run.events[i - 1].seq < a.run.events[i].seq);
        }
        for (std::size_t i = 1; i < a.run.milestones.size(); ++i) {
            CAPTURE(i);
            CHECK(a.run.milestones[i - 1].t_ms <= a.run.milestones[i].t_ms);
        }
        for (const auto &e : a.run.events) {
            INFO("event " << to_string(e.kind) << " of " << e.subject);
            CHECK((e.t_ms >= 0 && e.t_ms <= s.settings.duration_ms));
        }

        // Every request is counted once, with one final outcome.
        for (std::size_t p = 0; p < s.populations.size(); ++p) {
            INFO("population " << s.populations[p].id);
            const auto &steps = a.run.population_steps[p];
            std::int64_t ok = 0, failed = 0;
            for (std::size_t k = 0; k < steps.reads_ok.size(); ++k) {
                ok += steps.reads_ok[k] + steps.writes_ok[k];
                failed += steps.reads_failed[k] + steps.writes_failed[k];
            }
            std::int64_t reasons = 0;
            for (auto n : a.run.populations[p].reasons)
                reasons += n;
            CHECK(reasons == failed);
            const double expected =
                s.populations[p].rps * static_cast<double>(s.settings.duration_ms) / 1000.0;
            CHECK(std::abs(static_cast<double>(ok + failed) - expected) <= 64.0);
            CHECK(a.populations[p].figures.requests == ok + failed);
        }

        // Capacity is a ceiling: no tier serves more than its full capacity in any step,
        // whatever the retries (whole requests per cell are rounded: a little slack per cell).
        const double step_s = static_cast<double>(s.settings.step_ms) / 1000.0;
        for (std::size_t t = 0; t < s.app_tiers.size(); ++t)
            for (std::size_t k = 0; k < a.run.population_steps[0].reads_ok.size(); ++k) {
                INFO("tier " << s.app_tiers[t].id << ", step " << k);
                std::int64_t served = 0;
                for (const auto &ps : a.run.population_steps)
                    served += ps.tier_requests[t][k] - ps.tier_failed[t][k];
                CHECK(static_cast<double>(served) <=
                      s.app_tiers[t].capacity_rps * step_s +
                          4.0 * static_cast<double>(s.populations.size()));
            }

        // The RTO breakdown adds up.
        check_rto(a.summary.read, "summary read");
        check_rto(a.summary.write, "summary write");
        for (const auto &f : a.faults) {
            check_rto(f.figures.read, "fault " + f.id + " read");
            check_rto(f.figures.write, "fault " + f.id + " write");
        }

        // Every acknowledged write is on the final writer, lost, or divergent: exactly once.
        for (const auto &w : a.run.writes) {
            INFO("writes of " << w.database);
            CHECK(w.acknowledged == w.present + w.lost + w.divergent);
            CHECK(w.lost >= 0);
            CHECK(w.divergent >= 0);
        }
    }
}

TEST_CASE("Generated scenarios survive a save and reload unchanged", "[properties][format]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Scenario s = testing::generate_scenario(seed);
        INFO(describe(s));
        const std::string text = write_scenario(s);
        const ScenarioLoad back = parse_scenario(text, "generated");
        {
            INFO(testing::problems_text(back.problems));
            REQUIRE(back.scenario);
        }
        CHECK(write_scenario(*back.scenario) == text);
        CHECK(simulate(*back.scenario).fingerprint == simulate(s).fingerprint);
    }
}
