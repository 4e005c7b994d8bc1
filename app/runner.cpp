#include "runner.h"

#include "model/simulation.h"

#include <QElapsedTimer>

#include <QMetaObject>
#include <QPointer>
#include <utility>

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
    using Timed = std::pair<std::shared_ptr<const model::Report>, double>;
    auto input = std::make_shared<const model::Scenario>(scenario);
    request_work<Timed>(
        [input](const std::atomic<bool> &stop) {
            QElapsedTimer clock;
            clock.start();
            model::RunOptions options;
            options.stop = &stop;
            auto report = std::make_shared<const model::Report>(model::simulate(*input, options));
            return Timed{std::move(report), static_cast<double>(clock.nsecsElapsed()) / 1e6};
        },
        [this, input](Timed run) { emit finished(input, std::move(run.first), run.second); });
}

void ModelRunner::request_all(std::vector<Job> jobs, std::function<void(Reports)> done) {
    request_work<Reports>(
        [jobs = std::move(jobs)](const std::atomic<bool> &stop) {
            Reports reports;
            for (const Job &job : jobs) {
                model::RunOptions options = job.options;
                options.stop = &stop; // a newer request stops the job in flight
                reports.push_back(
                    std::make_shared<const model::Report>(model::simulate(job.scenario, options)));
            }
            return reports;
        },
        std::move(done));
}

std::shared_ptr<const model::Report> ModelRunner::run_now(const model::Scenario &scenario) {
    delivered_ = ++generation_;
    next_stop();
    pool_.clear();
    return std::make_shared<const model::Report>(model::simulate(scenario));
}

} // namespace app
