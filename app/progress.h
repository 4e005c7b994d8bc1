#pragma once
// The learner's progress through the lessons, kept per user (QStandardPaths) and written
// atomically (QSaveFile): a crash or a kill mid-save leaves the previous file whole. A file
// that cannot be read is set aside, never silently overwritten.

#include "widgets/lessonreader.h"

#include <QMap>
#include <QString>

namespace app {

class ProgressStore {
public:
    // An empty path means the user's application-data folder.
    explicit ProgressStore(QString path = {});

    QString path() const { return path_; }
    const QMap<QString, widgets::LessonProgress> &progress() const { return progress_; }
    // Reads the file; false (with *error) if it exists but is not a progress file (it is then
    // renamed to "<name>.unreadable" and progress starts afresh).
    bool load(QString *error = nullptr);
    bool save(QString *error = nullptr) const;

    void mark_read(const QString &lesson);
    void mark_tried(const QString &lesson, const QString &step);

private:
    QString path_;
    QMap<QString, widgets::LessonProgress> progress_;
};

} // namespace app
