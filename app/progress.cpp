#include "progress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace app {

namespace {
const QString kFormat = QStringLiteral("failover-lab-progress");
}

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {
    if (path_.isEmpty())
        path_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/progress.json");
}

bool ProgressStore::load(QString *error) {
    progress_.clear();
    QFile f(path_);
    if (!f.exists())
        return true;
    QJsonParseError parse{};
    const QJsonDocument doc = f.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(f.readAll(), &parse)
                                  : QJsonDocument();
    f.close();
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(QStringLiteral("format")).toString() != kFormat) {
        if (error)
            *error = QObject::tr("%1 is not a progress file (%2); it was set aside and progress "
                                 "starts afresh")
                         .arg(path_, parse.errorString());
        QFile::remove(path_ + QStringLiteral(".unreadable"));
        QFile::rename(path_, path_ + QStringLiteral(".unreadable"));
        return false;
    }
    const QJsonObject lessons = root.value(QStringLiteral("lessons")).toObject();
    for (auto it = lessons.begin(); it != lessons.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        widgets::LessonProgress p;
        p.read = o.value(QStringLiteral("read")).toBool();
        for (const auto &v : o.value(QStringLiteral("try_this")).toArray())
            p.try_this_done.insert(v.toString());
        progress_.insert(it.key(), p);
    }
    return true;
}

bool ProgressStore::save(QString *error) const {
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QJsonObject lessons;
    for (auto it = progress_.begin(); it != progress_.end(); ++it) {
        QStringList tried(it->try_this_done.begin(), it->try_this_done.end());
        tried.sort();
        lessons.insert(
            it.key(), QJsonObject{{QStringLiteral("read"), it->read},
                                  {QStringLiteral("try_this"), QJsonArray::fromStringList(tried)}});
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("lessons"), lessons}};
    QSaveFile f(path_);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void ProgressStore::mark_read(const QString &lesson) {
    progress_[lesson].read = true;
}

void ProgressStore::mark_tried(const QString &lesson, const QString &step) {
    progress_[lesson].try_this_done.insert(step);
}

} // namespace app
