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

void ModelRunner::cancel() {
    ++generation_;
    pool_.clear();
    pool_.waitForDone();
}

void ModelRunner::request(const model::Scenario &scenario) {
    const quint64 mine = ++generation_;
    pool_.clear(); // drop runs that have not started: this one replaces them
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
                if (self && mine == self->generation_)
                    emit self->finished(input, report, ms);
            },
            Qt::QueuedConnection);
    });
}

std::shared_ptr<const model::Report> ModelRunner::run_now(const model::Scenario &scenario) {
    ++generation_;
    pool_.clear();
    return std::make_shared<const model::Report>(model::simulate(scenario));
}

} // namespace app
