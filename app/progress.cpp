#include "progress.h"

#include "app/savefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace app {

namespace {

QString progress_tr(const char *text) {
    return QCoreApplication::translate("app::ProgressStore", text);
}

const QString kSetAside = QStringLiteral(".unreadable-");

} // namespace

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {
    if (path_.isEmpty())
        path_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/progress.json");
}

QStringList ProgressStore::set_aside_copies() const {
    const QFileInfo file(path_);
    QStringList copies;
    // The names carry the date and time, so their order is the order they were set aside in.
    for (const QString &name :
         file.dir().entryList({file.fileName() + kSetAside + QLatin1Char('*')},
                              QDir::Files | QDir::Hidden, QDir::Name))
        copies << file.dir().filePath(name);
    return copies;
}

// Moves the file to a name of its own and keeps the newest few copies; the new name, or "" if
// the file could not be moved.
QString ProgressStore::set_aside() {
    const QString stamp = path_ + kSetAside +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    // Within one second, a number after the time, above any copy of that second: a name freed
    // by the bound below is never taken again, so the names keep the order of the copies.
    int last = 0;
    for (const QString &copy : set_aside_copies())
        if (copy.startsWith(stamp))
            last = std::max(last, copy == stamp ? 1 : copy.mid(stamp.size() + 1).toInt());
    const QString copy =
        last == 0 ? stamp : stamp + QStringLiteral("-%1").arg(last + 1, 3, 10, QLatin1Char('0'));
    if (!QFile::rename(path_, copy))
        return {};
    QStringList copies = set_aside_copies();
    while (copies.size() > kSetAsideKept)
        QFile::remove(copies.takeFirst());
    return copy;
}

bool ProgressStore::load(QString *error) {
    progress_ = {};
    read_only_ = false;
    warning_.clear();
    const QFileInfo info(path_);
    const auto report = [&](const QString &text) {
        warning_ = text;
        if (error)
            *error = text;
        return false;
    };
    if (!info.exists() && !info.isSymLink())
        return true;
    QFile f(path_);
    // Only a regular file is read: a folder or a pipe in its place is not progress, and a pipe
    // would block the start-up.
    if (!info.isFile() || !f.open(QIODevice::ReadOnly)) {
        read_only_ = true;
        return report(
            progress_tr("Your progress file %1 cannot be read (%2). It was left as it is, and "
                        "progress made in this session will not be saved. Check the file and "
                        "its permissions, then restart Failover Lab.")
                .arg(QDir::toNativeSeparators(path_),
                     info.isFile() ? f.errorString() : progress_tr("it is not a regular file")));
    }
    const model::ProgressLoad load =
        model::parse_progress(f.readAll().toStdString(), path_.toStdString());
    f.close();
    if (load.newer_version) {
        // Written by a later version: what it holds may be more than this version knows, so
        // it is shown as far as it is understood and never written over.
        read_only_ = true;
        progress_ = load.progress.value_or(model::Progress{});
        return report(
            progress_tr("Your progress file %1 was written by a newer version of Failover Lab "
                        "(format version %2). This session shows what it can of it and does not "
                        "save progress, so that the newer version's file stays as it is.")
                .arg(QDir::toNativeSeparators(path_))
                .arg(*load.newer_version));
    }
    if (!load.progress) {
        // The first problem without the file name, which the message starts with.
        QString why;
        if (!load.problems.empty()) {
            const model::Problem &p = load.problems.front();
            why = QString::fromStdString(p.where.empty() ? p.message : p.where + ": " + p.message);
        }
        const QString copy = set_aside();
        if (copy.isEmpty()) {
            read_only_ = true;
            return report(
                progress_tr("Your progress file %1 is not a progress file (%2) and could not be "
                            "set aside; it was left as it is, and progress made in this session "
                            "will not be saved.")
                    .arg(QDir::toNativeSeparators(path_), why));
        }
        return report(
            progress_tr("Your progress file %1 is not a progress file (%2). It was kept as %3, "
                        "and progress starts afresh.")
                .arg(QDir::toNativeSeparators(path_), why, QDir::toNativeSeparators(copy)));
    }
    progress_ = std::move(*load.progress);
    return true;
}

bool ProgressStore::save(QString *error) const {
    if (read_only_) {
        if (error)
            *error = progress_tr("the progress file is kept read-only in this session");
        return false;
    }
    QDir().mkpath(QFileInfo(path_).absolutePath());
    return write_file_atomically(path_, QByteArray::fromStdString(model::write_progress(progress_)),
                                 error);
}

} // namespace app
