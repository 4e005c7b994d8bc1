#pragma once
// The file that keeps the learner's progress (model/progress.h) between sessions, per user
// (QStandardPaths), written atomically (QSaveFile): a crash or a kill mid-save leaves the
// previous file whole. A file that cannot be read is set aside, never silently overwritten.

#include "model/progress.h"

#include <QString>

namespace app {

class ProgressStore {
public:
    // An empty path means the user's application-data folder.
    explicit ProgressStore(QString path = {});

    QString path() const { return path_; }
    const model::Progress &progress() const { return progress_; }
    model::Progress &progress() { return progress_; }
    // Reads the file; false (with *error) if it exists but is not a progress file (it is then
    // renamed to "<name>.unreadable" and progress starts afresh).
    bool load(QString *error = nullptr);
    bool save(QString *error = nullptr) const;

private:
    QString path_;
    model::Progress progress_;
};

} // namespace app
