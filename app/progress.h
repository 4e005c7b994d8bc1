#pragma once
// The file that keeps the learner's progress (model/progress.h) between sessions, per user
// (QStandardPaths), written atomically (write_file_atomically): a crash or a kill mid-save
// leaves the previous file whole. The file is never lost to a problem:
//   - a file that is not a progress file (cut short, not JSON, wrong types) is set aside under
//     a new name, "<name>.unreadable-<date and time>", and progress starts afresh; the newest
//     few copies are kept;
//   - a file that cannot be read (no permission, not a regular file) is left as it is, and
//     this session does not write it;
//   - a file written by a later version is read as far as this version understands it and
//     never written over: this session keeps progress read-only.
// warning() says what the learner needs to know, for as long as the session runs.

#include "model/progress.h"

#include <QString>
#include <QStringList>

namespace app {

class ProgressStore {
public:
    // An empty path means the user's application-data folder.
    explicit ProgressStore(QString path = {});

    // How many set-aside copies are kept; the oldest beyond it go.
    static constexpr int kSetAsideKept = 5;

    QString path() const { return path_; }
    const model::Progress &progress() const { return progress_; }
    model::Progress &progress() { return progress_; }
    // Reads the file; false (with *error, the same as warning()) when the learner must be told
    // something: the file was set aside, cannot be read, or is of a later version.
    bool load(QString *error = nullptr);
    // Writes the file; false with *error when it could not, or when this session keeps the
    // file read-only.
    bool save(QString *error = nullptr) const;
    // Whether this session leaves the file as it is (unreadable, or of a later version).
    bool read_only() const { return read_only_; }
    QString warning() const { return warning_; }
    // The copies set aside so far, oldest first.
    QStringList set_aside_copies() const;

private:
    QString set_aside();

    QString path_;
    model::Progress progress_;
    bool read_only_ = false;
    QString warning_;
};

} // namespace app
