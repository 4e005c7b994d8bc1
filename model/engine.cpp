#include "engine.h"

#include <algorithm>

namespace model::engine {

Engine::Engine(const Scenario &scenario, std::uint64_t seed, Ms until)
    : s_(scenario), rng_(seed), end_(until) {
    out_.seed = seed;
    out_.step_ms = scenario.settings.step_ms;
    out_.end_ms = until;
    out_.steps = static_cast<int>((until + out_.step_ms - 1) / out_.step_ms);
    queue_.reserve(4096);
}

int Engine::region_index(const std::string &id) const {
    for (std::size_t i = 0; i < s_.regions.size(); ++i)
        if (s_.regions[i].id == id)
            return static_cast<int>(i);
    return -1;
}
int Engine::tier_index(const std::string &id) const {
    for (std::size_t i = 0; i < s_.app_tiers.size(); ++i)
        if (s_.app_tiers[i].id == id)
            return static_cast<int>(i);
    return -1;
}
int Engine::store_index(const std::string &id) const {
    for (std::size_t i = 0; i < s_.data_stores.size(); ++i)
        if (s_.data_stores[i].id == id)
            return static_cast<int>(i);
    return -1;
}
int Engine::db_index(const std::string &id) const {
    for (std::size_t i = 0; i < s_.databases.size(); ++i)
        if (s_.databases[i].id == id)
            return static_cast<int>(i);
    return -1;
}
int Engine::dns_index(const std::string &id) const {
    for (std::size_t i = 0; i < dns_.size(); ++i)
        if (dns_[i].id == id)
            return static_cast<int>(i);
    return -1;
}

Ms Engine::rtt(int a, int b) const {
    return rtt_[static_cast<std::size_t>(a) * s_.regions.size() + static_cast<std::size_t>(b)];
}

Ms Engine::compute_rtt(int a, int b) const {
    const Region &ra = s_.regions[static_cast<std::size_t>(a)];
    const Region &rb = s_.regions[static_cast<std::size_t>(b)];
    if (a == b)
        return ra.inter_az_rtt_ms;
    for (const auto &o : s_.rtt_overrides)
        if ((o.a == ra.id && o.b == rb.id) || (o.a == rb.id && o.b == ra.id))
            return o.rtt_ms;
    if (auto m = measured_rtt(ra.id, rb.id))
        return *m;
    return rtt_from_distance(great_circle_km(ra.where, rb.where), s_.settings.public_route_factor);
}

void Engine::emit(Ms t, EventKind kind, std::string subject,
                  std::vector<std::pair<std::string, Value>> data) {
    out_.events.push_back(Event{t, seq_++, kind, std::move(subject), std::move(data)});
}

void Engine::milestone(Ms t, Chain chain, Stage stage, int population) {
    out_.milestones.push_back(Milestone{t, chain, stage, population});
}

void Engine::build() {
    const std::size_t nr = s_.regions.size();
    region_down_.assign(nr, 0);
    az_down_.resize(nr);
    for (std::size_t r = 0; r < nr; ++r)
        az_down_[r].assign(static_cast<std::size_t>(s_.regions[r].azs), 0);
    brownouts_.assign(s_.app_tiers.size() + s_.data_stores.size(), {});
    dns_ = s_.dns;
    rtt_.resize(nr * nr);
    for (std::size_t a = 0; a < nr; ++a)
        for (std::size_t b = 0; b < nr; ++b)
            rtt_[a * nr + b] = compute_rtt(static_cast<int>(a), static_cast<int>(b));
    for (const auto &a : s_.app_tiers) {
        tier_region_.push_back(region_index(a.region));
        std::vector<int> stores, dbs;
        for (const auto &dep : a.depends_on) {
            if (store_index(dep) >= 0)
                stores.push_back(store_index(dep));
            if (db_index(dep) >= 0)
                dbs.push_back(db_index(dep));
        }
        tier_stores_.push_back(std::move(stores));
        tier_dbs_.push_back(std::move(dbs));
    }
    for (const auto &ds : s_.data_stores) {
        std::vector<int> copies{region_index(ds.region)};
        for (const auto &r : ds.replicas)
            copies.push_back(region_index(r));
        store_copies_.push_back(std::move(copies));
    }
    for (const auto &f : s_.faults) {
        std::vector<char> cut(nr, 0);
        for (const auto &r : f.regions)
            if (region_index(r) >= 0)
                cut[static_cast<std::size_t>(region_index(r))] = 1;
        cut_.push_back(std::move(cut));
    }
    tiers_.assign(s_.app_tiers.size(), TierStatus{});
    tier_scaling_.assign(s_.app_tiers.size(), false);
    tier_scaled_.assign(s_.app_tiers.size(), false);
    for (const auto &r : s_.regions)
        out_.region_ids.push_back(r.id);
    out_.region_requests.assign(nr,
                                std::vector<std::int32_t>(static_cast<std::size_t>(out_.steps)));
    out_.lost_writes_cumulative.assign(static_cast<std::size_t>(out_.steps), 0);
    out_.conflicts_cumulative.assign(static_cast<std::size_t>(out_.steps), 0);

    build_monitors();
    build_databases();
    build_populations();

    slots_ = static_cast<int>(s_.app_tiers.size()) + 1;
    const std::size_t cells =
        s_.populations.size() * static_cast<std::size_t>(slots_) * 2 * kOutcomes;
    rate_.assign(cells, 0);
    acc_.assign(cells, 0);
    cum_.assign(cells, 0);
    is_active_.assign(cells, 0);
    latency_.assign(cells / kOutcomes, 0);
    served_.assign(cells / kOutcomes, 0);
    writes_pending_.assign(cells / kOutcomes, 0);
    written_.assign(cells / kOutcomes, 0);
    segment_writes_.assign(s_.app_tiers.size(), 0);
    segment_exact_.assign(s_.app_tiers.size(), 0.0);
    segment_writing_.assign(s_.app_tiers.size(), 0);
    latency_order_.assign(s_.populations.size(), {});

    for (std::size_t f = 0; f < s_.faults.size(); ++f) {
        schedule(s_.faults[f].at_ms, ev::FaultStart{static_cast<int>(f)});
        if (s_.faults[f].until_ms)
            schedule(*s_.faults[f].until_ms, ev::FaultEnd{static_cast<int>(f)});
    }
}

void Engine::state_changed(Ms t) {
    invalidate();
    refresh_probes(t);
    refresh_target_health(t);
    data_state_changed(t);
    refresh_answers(t, true);
}

void Engine::dispatch(Ms t, const Pending &p) {
    ++out_.events_processed;
    catch_up(t); // replicas hold what reached them up to this instant, before anything changes
    std::visit([&](const auto &e) { handle(t, e); }, p);
}

void Engine::handle(Ms t, const ev::VerdictEffective &e) {
    Monitor &m = monitors_[static_cast<std::size_t>(e.monitor)];
    if (e.gen != m.effective_gen)
        return;
    m.effective = e.healthy;
    refresh_answers(t, false);
}

void Engine::handle(Ms t, const ev::EthUpdate &e) {
    const auto tier = static_cast<std::size_t>(e.tier);
    if (e.gen != eth_gen_[tier])
        return;
    eth_healthy_[tier] = e.healthy;
    if (eth_watched_[tier]) {
        emit(t, EventKind::target_health_changed, s_.app_tiers[tier].id,
             {{"healthy", std::int64_t{e.healthy}}});
        // Route 53 reading the load balancer's verdict is propagation; a region lost whole,
        // load balancer and all, is detected here.
        milestone(t, Chain::route,
                  e.source == ev::EthSource::load_balancer ? Stage::propagation : Stage::detection);
    }
    refresh_answers(t, false);
}

void Engine::handle(Ms t, const ev::ScaleReady &e) {
    const auto tier = static_cast<std::size_t>(e.tier);
    tier_scaling_[tier] = false;
    tier_scaled_[tier] = true;
    emit(t, EventKind::capacity_ready, s_.app_tiers[tier].id,
         {{"capacity_rps", std::int64_t{s_.app_tiers[tier].capacity_rps}}});
    milestone(t, Chain::capacity, Stage::warmup);
    invalidate();
}

void Engine::handle(Ms t, const ev::AzFailoverDone &e) {
    DbState &db = dbs_[static_cast<std::size_t>(e.db)];
    if (e.gen != db.gen)
        return;
    db.az_failover_until = -1;
    emit(t, EventKind::az_failover_finished, s_.databases[static_cast<std::size_t>(e.db)].id,
         {{"region",
           s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(db.writer)].region)]
               .id}});
    milestone(t, Chain::writer, Stage::promotion);
    invalidate();
}

void Engine::handle(Ms t, const ev::DnsEdit &e) {
    const Fault &f = s_.faults[static_cast<std::size_t>(e.fault)];
    if (control_plane_impaired_ > 0) {
        emit(t, EventKind::dns_change_failed, f.dns_name, {{"record", f.record}});
        return;
    }
    if (e.stage == ev::EditStage::submit) {
        // Edits reach every authoritative server within 60 s (FACTS.md section 1).
        const Ms propagate =
            rng_.between(s_.settings.propagation_max_ms / 6, s_.settings.propagation_max_ms);
        emit(t, EventKind::dns_change_requested, f.dns_name,
             {{"record", f.record}, {"propagation_ms", propagate}});
        schedule(t + propagate, ev::DnsEdit{e.fault, ev::EditStage::apply});
        return;
    }
    const int n = dns_index(f.dns_name);
    for (auto &rec : dns_[static_cast<std::size_t>(n)].records)
        if (rec.id == f.record) {
            if (f.set_weight)
                rec.weight = *f.set_weight;
            if (!f.set_target.empty())
                rec.target = f.set_target;
        }
    emit(t, EventKind::dns_change_applied, f.dns_name, {{"record", f.record}});
    milestone(t, Chain::route, Stage::propagation);
    refresh_answers(t, false);
}

void Engine::handle(Ms t, const ev::Recheck &e) {
    invalidate();
    const DbState &db = dbs_[static_cast<std::size_t>(e.db)];
    const DbInstance &peer = db.inst[static_cast<std::size_t>(e.instance)];
    const Database &spec = s_.databases[static_cast<std::size_t>(e.db)];
    if (peer.sync_broken_since >= 0 && t - peer.sync_broken_since >= spec.sync_timeout_ms)
        emit(t, EventKind::sync_degraded, spec.id,
             {{"replica", s_.regions[static_cast<std::size_t>(peer.region)].id},
              {"timeout_ms", spec.sync_timeout_ms}});
}

Run Engine::run() {
    build();
    const Ms step = out_.step_ms;
    Ms t = 0;
    int step_index = 0;
    Ms step_end = std::min(step, end_);
    // Events at t = 0 come first (faults scripted at 0 act before any request).
    while (!queue_.empty() && queue_.next_time() <= 0) {
        auto e = queue_.pop();
        dispatch(0, e.payload);
    }
    while (step_index < out_.steps) {
        const Ms next = queue_.empty() ? end_ + 1 : queue_.next_time();
        const Ms seg_end = std::min(next, step_end);
        if (seg_end > t) {
            integrate(t, seg_end);
            t = seg_end;
        }
        if (t == step_end) {
            finish_step(step_index, step_end);
            ++step_index;
            step_end = std::min(step_end + step, end_);
        }
        while (!queue_.empty() && queue_.next_time() == t && t < end_) {
            auto e = queue_.pop();
            dispatch(t, e.payload);
        }
    }
    for (const auto &e : queue_.errors())
        out_.internal_errors.push_back(InternalError{
            e.now, std::string("an event (") + name_of(e.payload) + ") was scheduled for t = " +
                       std::to_string(e.asked) + " ms, before the current time; it was dropped"});
    flush_write_latencies();
    emit(end_, EventKind::run_ended, "", {{"steps", std::int64_t{out_.steps}}});
    finish_accounts();
    std::stable_sort(out_.events.begin(), out_.events.end(), [](const Event &a, const Event &b) {
        return a.t_ms < b.t_ms || (a.t_ms == b.t_ms && a.seq < b.seq);
    });
    return std::move(out_);
}

} // namespace model::engine
