#pragma once
// Global routing and the clients: the live DNS records (operators' edits change them), record
// selection with health, the anycast accelerator's routes, and each population's client
// cohorts, which re-resolve each at its own moment and so move a wave at a time.

#include "engine_events.h"
#include "engine_health.h"
#include "engine_kernel.h"

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace model::engine {

// What a population's entry resolves to: app tiers and their shares of the clients.
struct Answer {
    std::vector<std::pair<int, double>> parts; // tier -> share; empty: no answer
    std::vector<double> upto; // running sums of the shares, for picking a tier by binary search
    bool operator==(const Answer &o) const { return parts == o.parts; }
};

// A group of a population's clients that cache and re-resolve together.
struct Cohort {
    int tier = -1;
    double pick = 0; // stable draw in [0,1) for weighted answers
    Ms period = 60000;
    Ms phase = 0;
    Ms pending = -1; // time of the scheduled refresh, -1 none
};

// A population's entry, its cohorts and where they are, and its current answer.
struct PopulationState {
    int entry_dns = -1;
    int entry_accelerator = -1;
    bool entry_distribution = false; // served by a distribution's edges (engine_cdn.h) instead
    std::vector<Cohort> cohorts;
    std::vector<double> share; // per tier slot (last slot: no answer)
    Answer answer;
    int to_move = 0, moved = 0, next_mark = 0;
    Ms expires_by = -1;            // when the last cohort of the current wave re-resolves
    std::vector<Ms> rtt_to_region; // public internet
    std::vector<Ms> rtt_via_accelerator;
};

// Which populations' answers to work out again: those entering through an accelerator only
// (its routes follow its own checks at once), or all.
enum class Answers : std::uint8_t { accelerators_only, all };

// The DNS records and client cohorts; the only part that changes them.
class Routing {
public:
    Routing(Kernel &kernel, const Health &health);

    // Resolves the populations' entries again; a changed answer starts a wave of moves.
    void refresh_answers(Ms t, Answers which);
    void handle(Ms t, const ev::CohortRefresh &e);
    // An operator's DNS edit has reached every authoritative server.
    void apply_edit(const Fault &edit);

    std::size_t populations() const { return pops_.size(); }
    const PopulationState &population(std::size_t p) const { return pops_[p]; }

private:
    void build();
    // A population's answer from its DNS entry: each name is resolved once per call, however
    // many alias records lead to it.
    Answer resolve_entry(int population) const;
    Answer resolve(int population, int dns, int depth) const;
    bool record_healthy(const DnsRecord &rec, int population, int depth) const;
    Answer accelerator_route(int population) const;
    void move_cohort(Ms t, int p, int c, int tier);
    void record_cache(Ms t, int p);
    Ms answer_ttl(int dns, int depth) const;

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Health &health_;
    std::vector<DnsName> dns_; // live copy: manual edits change it
    std::vector<PopulationState> pops_;
    // What resolve_entry has worked out so far in this call, per DNS name.
    mutable std::vector<std::optional<Answer>> resolved_;
    mutable std::vector<signed char> name_healthy_; // -1: not yet known
};

} // namespace model::engine
