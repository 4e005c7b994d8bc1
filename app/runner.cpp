#include "runner.h"

#include "model/simulation.h"

#include <QElapsedTimer>

#include <QMetaObject>
#include <QPointer>
#include <algorithm>

namespace app {

ModelRunner::ModelRunner(QObject *parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
}

ModelRunner::~ModelRunner() {
    cancel();
}

void ModelRunner::cancel() {
    delivered_ = ++generation_;
    pool_.clear();
    pool_.waitForDone();
}

void ModelRunner::abandon() {
    delivered_ = ++generation_;
    pool_.clear();
    // The abandoned run keeps its thread until it ends; the next request need not wait for it.
    constexpr int kMostThreads = 4;
    pool_.setMaxThreadCount(std::min(kMostThreads, pool_.activeThreadCount() + 1));
}

bool ModelRunner::take(quint64 generation) {
    if (generation != generation_)
        return false;
    delivered_ = generation;
    return true;
}

void ModelRunner::request(const model::Scenario &scenario) {
    const quint64 mine = ++generation_;
    if (pool_.activeThreadCount() == 0)
        pool_.setMaxThreadCount(1); // nothing abandoned still runs: one run at a time again
    pool_.clear();                  // drop runs that have not started: this one replaces them
    QPointer<ModelRunner> self(this);
    auto input = std::make_shared<const model::Scenario>(scenario);
    pool_.start([self, input, mine, this] {
        if (mine != generation_)
            return;
        QElapsedTimer clock;
        clock.start();
        auto report = std::make_shared<const model::Report>(model::simulate(*input));
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
    pool_.clear();
    QPointer<ModelRunner> self(this);
    auto input = std::make_shared<const std::vector<Job>>(std::move(jobs));
    pool_.start([self, input, mine, done = std::move(done), this] {
        auto reports = std::make_shared<Reports>();
        for (const Job &job : *input) {
            if (mine != generation_)
                return; // superseded: stop early
            reports->push_back(
                std::make_shared<const model::Report>(model::simulate(job.scenario, job.options)));
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
    pool_.clear();
    return std::make_shared<const model::Report>(model::simulate(scenario));
}

} // namespace app
