#include "runner.h"

#include "model/simulation.h"

#include <QElapsedTimer>

#include <QMetaObject>
#include <QPointer>

namespace app {

ModelRunner::ModelRunner(QObject *parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
}

ModelRunner::~ModelRunner() {
    cancel();
}

std::shared_ptr<std::atomic<bool>> ModelRunner::next_stop() {
    if (stop_)
        stop_->store(true);
    stop_ = std::make_shared<std::atomic<bool>>(false);
    return stop_;
}

void ModelRunner::cancel() {
    delivered_ = ++generation_;
    next_stop();
    pool_.clear();
    pool_.waitForDone();
}

void ModelRunner::abandon() {
    delivered_ = ++generation_;
    next_stop();
    pool_.clear();
}

bool ModelRunner::take(quint64 generation) {
    if (generation != generation_)
        return false;
    delivered_ = generation;
    return true;
}

void ModelRunner::request(const model::Scenario &scenario) {
    const quint64 mine = ++generation_;
    auto stop = next_stop(); // a run in flight stops at its next step
    pool_.clear();           // drop runs that have not started: this one replaces them
    QPointer<ModelRunner> self(this);
    auto input = std::make_shared<const model::Scenario>(scenario);
    pool_.start([self, input, mine, stop, this] {
        if (mine != generation_)
            return;
        ++started_runs_;
        QElapsedTimer clock;
        clock.start();
        model::RunOptions options;
        options.stop = stop.get();
        std::shared_ptr<const model::Report> report;
        try {
            report = std::make_shared<const model::Report>(model::simulate(*input, options));
        } catch (const model::RunStopped &) {
            ++stopped_runs_;
            return;
        }
        const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        QMetaObject::invokeMethod(
            this,
            [self, input, report, mine, ms] {
                if (self && self->take(mine))
                    emit self->finished(input, report, ms);
            },
            Qt::QueuedConnection);
    });
}

void ModelRunner::request_all(std::vector<Job> jobs, std::function<void(Reports)> done) {
    const quint64 mine = ++generation_;
    auto stop = next_stop();
    pool_.clear();
    QPointer<ModelRunner> self(this);
    auto input = std::make_shared<const std::vector<Job>>(std::move(jobs));
    pool_.start([self, input, mine, stop, done = std::move(done), this] {
        ++started_runs_;
        auto reports = std::make_shared<Reports>();
        try {
            for (const Job &job : *input) {
                if (mine != generation_)
                    return; // superseded: stop early
                model::RunOptions options = job.options;
                options.stop = stop.get();
                reports->push_back(
                    std::make_shared<const model::Report>(model::simulate(job.scenario, options)));
            }
        } catch (const model::RunStopped &) {
            ++stopped_runs_;
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [self, reports, mine, done] {
                if (self && self->take(mine))
                    done(std::move(*reports));
            },
            Qt::QueuedConnection);
    });
}

std::shared_ptr<const model::Report> ModelRunner::run_now(const model::Scenario &scenario) {
    delivered_ = ++generation_;
    next_stop();
    pool_.clear();
    return std::make_shared<const model::Report>(model::simulate(scenario));
}

} // namespace app
