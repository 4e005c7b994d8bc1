#include "autosave.h"

#include "app/savefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMetaObject>
#include <QPointer>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace app {

namespace {

constexpr int kIdleMs = 5000;
constexpr int kPeriodMs = 30000;
const QString kPrefix = QStringLiteral("autosave-");

} // namespace

Autosaver::Autosaver(Document *doc, QString folder, QObject *parent)
    : QObject(parent), doc_(doc), folder_(std::move(folder)),
      id_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    if (folder_.isEmpty())
        folder_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                  QStringLiteral("/autosave");
    writer_.setMaxThreadCount(1); // one write at a time, in the order asked
    idle_.setSingleShot(true);
    idle_.setInterval(kIdleMs);
    period_.setSingleShot(true);
    period_.setInterval(kPeriodMs);
    connect(&idle_, &QTimer::timeout, this, &Autosaver::save_now);
    connect(&period_, &QTimer::timeout, this, &Autosaver::save_now);
    connect(doc_, &Document::changed, this, &Autosaver::document_changed);
    // A document that becomes modified without an edit (a recovered one) counts as changed.
    connect(doc_, &Document::modified_changed, this, &Autosaver::document_changed);
}

Autosaver::~Autosaver() {
    writer_.waitForDone();
    others_.clear();
}

QString Autosaver::file_of(const QString &id, const char *suffix) const {
    return QDir(folder_).filePath(kPrefix + id + QLatin1String(suffix));
}

QString Autosaver::scenario_file() const {
    return file_of(id_, ".json");
}

QString Autosaver::info_file() const {
    return file_of(id_, ".info");
}

void Autosaver::set_intervals(int idle_ms, int period_ms) {
    idle_.setInterval(idle_ms);
    period_.setInterval(period_ms);
}

void Autosaver::document_changed() {
    if (!doc_->modified()) {
        discard();
        return;
    }
    dirty_ = true;
    idle_.start(); // restarts: an autosave waits for a pause in the editing
    if (!period_.isActive())
        period_.start(); // but not longer than this while editing goes on
}

bool Autosaver::lock_session() {
    if (lock_)
        return true;
    if (!QDir().mkpath(folder_))
        return false;
    auto lock = std::make_unique<QLockFile>(file_of(id_, ".lock"));
    lock->setStaleLockTime(0); // held as long as the session runs, however long that is
    if (!lock->tryLock(0))
        return false;
    lock_ = std::move(lock);
    return true;
}

void Autosaver::save_now() {
    idle_.stop();
    period_.stop();
    if (!dirty_ || !doc_->modified())
        return;
    if (!lock_session()) {
        emit failed(tr("the autosave folder %1 cannot be written").arg(folder_));
        return;
    }
    dirty_ = false;
    // The scenario is copied here; turning it into text and writing it happen on the worker.
    auto scenario = std::make_shared<const model::Scenario>(doc_->scenario());
    const QString original = doc_->path();
    const QString json = scenario_file(), info = info_file();
    QPointer<Autosaver> self(this);
    writer_.start([self, scenario, original, json, info, this] {
        QString error;
        bool ok = write_file_atomically(
            json, QByteArray::fromStdString(model::write_scenario(*scenario)), &error);
        if (ok) {
            const QJsonObject meta{{QStringLiteral("original"), original},
                                   {QStringLiteral("name"), QString::fromStdString(scenario->name)},
                                   {QStringLiteral("saved_at"),
                                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
            ok = write_file_atomically(info, QJsonDocument(meta).toJson(), &error);
        }
        QMetaObject::invokeMethod(
            this,
            [self, ok, error, json] {
                if (!self)
                    return;
                if (ok)
                    emit self->saved(json);
                else
                    emit self->failed(error);
            },
            Qt::QueuedConnection);
    });
}

void Autosaver::wait() {
    writer_.waitForDone();
}

void Autosaver::discard() {
    idle_.stop();
    period_.stop();
    dirty_ = false;
    if (!lock_)
        return; // nothing was ever written
    const QString json = scenario_file(), info = info_file();
    // After any write still queued, so that it cannot bring the file back.
    writer_.start([json, info] {
        QFile::remove(json);
        QFile::remove(info);
    });
}

std::vector<LeftBehind> Autosaver::left_behind() {
    std::vector<LeftBehind> found;
    const QDir dir(folder_);
    const QStringList files =
        dir.entryList({kPrefix + QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString id = name.mid(kPrefix.size(), name.size() - kPrefix.size() - 5);
        if (id == id_ || others_.count(id))
            continue;
        auto lock = std::make_unique<QLockFile>(file_of(id, ".lock"));
        lock->setStaleLockTime(0);
        // Taken only if no running session holds it: the lock file is missing, or was left by
        // a process that is gone (QLockFile removes such a stale lock).
        if (!lock->tryLock(0))
            continue;
        LeftBehind a;
        a.id = id;
        a.scenario_file = file_of(id, ".json");
        a.saved_at = QFileInfo(a.scenario_file).lastModified();
        QFile info(file_of(id, ".info"));
        if (info.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(info.readAll()).object();
            a.original = meta.value(QStringLiteral("original")).toString();
            a.name = meta.value(QStringLiteral("name")).toString();
            const QDateTime at = QDateTime::fromString(
                meta.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
            if (at.isValid())
                a.saved_at = at.toLocalTime();
        }
        others_[id] = std::move(lock);
        found.push_back(std::move(a));
    }
    std::sort(found.begin(), found.end(),
              [](const LeftBehind &a, const LeftBehind &b) { return a.saved_at > b.saved_at; });
    return found;
}

model::ScenarioLoad Autosaver::load(const LeftBehind &autosave) {
    return read_scenario_file(autosave.scenario_file);
}

void Autosaver::remove(const LeftBehind &autosave) {
    QFile::remove(file_of(autosave.id, ".json"));
    QFile::remove(file_of(autosave.id, ".info"));
    others_.erase(autosave.id); // unlocking deletes the lock file
}

void Autosaver::keep(const LeftBehind &autosave) {
    others_.erase(autosave.id);
}

} // namespace app
