#include "engine.h"

#include <algorithm>

namespace model::engine {

Engine::Engine(const Scenario &scenario, std::uint64_t seed, Ms until)
    : k_(scenario, seed, until), faults_(scenario, k_.topology), data_(k_, faults_),
      tiers_(k_, faults_, data_), health_(k_, faults_, tiers_), routing_(k_, health_),
      flows_(k_, faults_, tiers_, routing_, data_), cdn_(k_, faults_, tiers_, data_) {}

Run Engine::run(const std::atomic<bool> *stop) {
    const Scenario &s = k_.scenario;
    for (std::size_t f = 0; f < s.faults.size(); ++f) {
        k_.schedule(s.faults[f].at_ms, ev::FaultStart{static_cast<int>(f)});
        if (s.faults[f].until_ms)
            k_.schedule(*s.faults[f].until_ms, ev::FaultEnd{static_cast<int>(f)});
    }
    Agenda<Pending> &agenda = k_.agenda;
    Run &out = k_.out;
    const Ms step = out.step_ms;
    Ms t = 0;
    int step_index = 0;
    Ms step_end = std::min(step, k_.end);
    // Events at t = 0 come first (faults scripted at 0 act before any request).
    while (!agenda.empty() && agenda.next_time() <= 0) {
        auto e = agenda.pop();
        dispatch(0, e.payload);
    }
    while (step_index < out.steps) {
        if (stop && stop->load(std::memory_order_relaxed))
            throw RunStopped();
        if (cdn_.any() && (k_.routes_stale || k_.statuses_stale)) {
            // The distributions read the tiers as the request flows will; an edge cache's
            // expiry they schedule must cut the span before it is integrated.
            if (k_.statuses_stale)
                tiers_.refresh(t);
            cdn_.refresh(t);
        }
        const Ms next = agenda.empty() ? k_.end + 1 : agenda.next_time();
        const Ms seg_end = std::min(next, step_end);
        if (seg_end > t) {
            flows_.integrate(t, seg_end);
            cdn_.integrate(t, seg_end);
            t = seg_end;
        }
        if (t == step_end) {
            flows_.finish_step(step_index);
            if (cdn_.any()) {
                cdn_.finish_step(step_index);
                auto writes = flows_.step_writes();
                cdn_.add_step_writes(writes);
                data_.finish_step(step_index, step_end, writes);
            } else {
                data_.finish_step(step_index, step_end, flows_.step_writes());
            }
            ++step_index;
            step_end = std::min(step_end + step, k_.end);
        }
        while (!agenda.empty() && agenda.next_time() == t && t < k_.end) {
            auto e = agenda.pop();
            dispatch(t, e.payload);
        }
    }
    for (const auto &e : agenda.errors())
        out.internal_errors.push_back(InternalError{
            e.now, std::string("an event (") + kind_name(e.payload) + ") was scheduled for t = " +
                       std::to_string(e.asked) + " ms, before the current time; it was dropped"});
    flows_.flush_write_latencies();
    k_.emit(k_.end, EventKind::run_ended, "", {{"steps", std::int64_t{out.steps}}});
    data_.finish_accounts();
    std::stable_sort(out.events.begin(), out.events.end(), [](const Event &a, const Event &b) {
        return a.t_ms < b.t_ms || (a.t_ms == b.t_ms && a.seq < b.seq);
    });
    return std::move(out);
}

void Engine::dispatch(Ms t, const Pending &event) {
    ++k_.out.events_processed;
    data_.catch_up(
        t); // replicas hold what reached them up to this instant, before anything changes
    std::visit([&](const auto &e) { handle(t, e); }, event);
}

void Engine::state_changed(Ms t) {
    k_.invalidate();
    tiers_.refresh(t);
    health_.refresh_probes(t);
    health_.refresh_target_health(t);
    data_.state_changed(t);
    routing_.refresh_answers(t, Answers::accelerators_only);
}

// An accelerator acts on its own checks' verdict at once; a Route 53 verdict reaches the
// answers later, as its own event.
void Engine::answers_follow(Ms t, VerdictMove move) {
    if (move == VerdictMove::in_force)
        routing_.refresh_answers(t, Answers::accelerators_only);
}

void Engine::handle(Ms t, const ev::CheckerFlip &e) {
    answers_follow(t, health_.handle(t, e));
}

void Engine::handle(Ms t, const ev::Probe &e) {
    const VerdictMove move = health_.handle(t, e);
    if (move == VerdictMove::superseded)
        return;
    answers_follow(t, move);
    health_.probe_again(t, e); // after the answers' events: their order at one instant counts
}

void Engine::handle(Ms t, const ev::VerdictEffective &e) {
    if (health_.handle(e))
        routing_.refresh_answers(t, Answers::all);
}

void Engine::handle(Ms t, const ev::EthUpdate &e) {
    if (health_.handle(t, e))
        routing_.refresh_answers(t, Answers::all);
}

void Engine::handle(Ms t, const ev::FaultStart &e) {
    const Fault &f = k_.scenario.faults[static_cast<std::size_t>(e.fault)];
    k_.emit(t, EventKind::fault_started, fault_subject(f), fault_started_data(f));
    if (faults_.start(e.fault)) {
        state_changed(t);
        return;
    }
    const int d = k_.topology.db_index(f.database);
    switch (f.kind) {
    case FaultKind::writer_crash:
        data_.crash_writer(d);
        state_changed(t);
        break;
    case FaultKind::replication_broken:
    case FaultKind::replication_lagging:
        data_.break_replication(t, f);
        state_changed(t);
        break;
    case FaultKind::manual_promotion:
        data_.promote_by_operator(t, f);
        break;
    case FaultKind::manual_dns_change:
        // The operator submits the edit after thinking it over.
        k_.schedule(t + f.operator_delay_ms, ev::DnsEdit{e.fault, ev::EditStage::submit});
        break;
    case FaultKind::fail_back:
        data_.fail_back(t, d);
        break;
    case FaultKind::switchover:
        data_.switchover(t, f);
        break;
    default:
        break;
    }
}

void Engine::handle(Ms t, const ev::FaultEnd &e) {
    const Fault &f = k_.scenario.faults[static_cast<std::size_t>(e.fault)];
    if (faults_.end(e.fault)) {
        const int r = k_.topology.region_index(f.region);
        if (f.kind == FaultKind::region_outage && faults_.region_up(r))
            data_.region_back(t, r);
    } else if (f.kind == FaultKind::writer_crash) {
        data_.restart_instances(k_.topology.db_index(f.database));
    } else if (f.kind == FaultKind::replication_broken ||
               f.kind == FaultKind::replication_lagging) {
        data_.repair_replication(t, f);
    } else {
        return; // an operator's action has no end
    }
    k_.emit(t, EventKind::fault_ended, fault_subject(f),
            {{"fault", f.id}, {"fault_kind", to_string(f.kind)}});
    state_changed(t);
}

void Engine::handle(Ms t, const ev::DnsEdit &e) {
    const Fault &f = k_.scenario.faults[static_cast<std::size_t>(e.fault)];
    if (faults_.dns_control_plane_impaired()) {
        k_.emit(t, EventKind::dns_change_failed, f.dns_name, {{"record", f.record}});
        return;
    }
    if (e.stage == ev::EditStage::submit) {
        // Edits reach every authoritative server within 60 s (FACTS.md section 1).
        const Ms longest = k_.scenario.settings.propagation_max_ms;
        const Ms propagate = k_.rng.between(longest / 6, longest);
        k_.emit(t, EventKind::dns_change_requested, f.dns_name,
                {{"record", f.record}, {"propagation_ms", propagate}});
        k_.schedule(t + propagate, ev::DnsEdit{e.fault, ev::EditStage::apply});
        return;
    }
    routing_.apply_edit(f);
    k_.emit(t, EventKind::dns_change_applied, f.dns_name, {{"record", f.record}});
    k_.milestone(t, Chain::route, Stage::propagation);
    routing_.refresh_answers(t, Answers::all);
}

} // namespace model::engine
