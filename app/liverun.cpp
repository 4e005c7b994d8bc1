#include "liverun.h"

namespace app {

LiveRun::LiveRun(QObject *parent) : QObject(parent) {
    connect(&runner_, &ModelRunner::finished, this,
            [this](std::shared_ptr<const model::Scenario> scenario,
                   std::shared_ptr<const model::Report> report, double ms) {
                publish(RunSnapshot{std::move(scenario), std::move(report)}, ms);
            });
}

LiveRun::~LiveRun() {
    close();
}

void LiveRun::request(const model::Scenario &scenario) {
    if (closed_)
        return;
    ++requests_;
    runner_.request(scenario);
}

void LiveRun::run_now(const model::Scenario &scenario) {
    if (closed_)
        return;
    ++requests_;
    auto input = std::make_shared<const model::Scenario>(scenario);
    auto report = runner_.run_now(*input);
    publish(RunSnapshot{std::move(input), std::move(report)}, 0);
}

void LiveRun::close() {
    if (closed_)
        return;
    closed_ = true;
    clock_.pause();
    runner_.cancel();
}

void LiveRun::publish(RunSnapshot snapshot, double elapsed_ms) {
    if (closed_)
        return;
    current_ = std::move(snapshot);
    clock_.set_end(current_.report->run.end_ms);
    emit updated(elapsed_ms);
}

} // namespace app
