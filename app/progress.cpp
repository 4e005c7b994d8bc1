#include "progress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace app {

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {
    if (path_.isEmpty())
        path_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/progress.json");
}

bool ProgressStore::load(QString *error) {
    progress_ = {};
    QFile f(path_);
    if (!f.exists())
        return true;
    model::ProgressLoad load;
    if (f.open(QIODevice::ReadOnly))
        load = model::parse_progress(f.readAll().toStdString(), path_.toStdString());
    else
        load.problems.push_back({path_.toStdString(), "", f.errorString().toStdString()});
    f.close();
    if (!load.progress) {
        // The first problem without the file name, which the message starts with.
        QString why;
        if (!load.problems.empty()) {
            const model::Problem &p = load.problems.front();
            why = QString::fromStdString(p.where.empty() ? p.message : p.where + ": " + p.message);
        }
        if (error)
            *error = QObject::tr("%1 is not a progress file (%2); it was set aside and progress "
                                 "starts afresh")
                         .arg(path_, why);
        QFile::remove(path_ + QStringLiteral(".unreadable"));
        QFile::rename(path_, path_ + QStringLiteral(".unreadable"));
        return false;
    }
    progress_ = std::move(*load.progress);
    return true;
}

bool ProgressStore::save(QString *error) const {
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QSaveFile f(path_);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(QByteArray::fromStdString(model::write_progress(progress_))) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace app
