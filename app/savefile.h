#pragma once
// Every file the app writes for the learner (scenarios, autosaves, progress) goes through one
// function: the bytes go to a temporary file beside the target, which replaces the target only
// once it is complete (QSaveFile). A crash or a kill at any moment leaves either the old file
// or the new one on disk, never a mix and never an empty file.

#include <QByteArray>
#include <QString>

namespace app {

// Writes `bytes` to `path` atomically (the folder must exist); on failure returns false
// and says why in *error (when given), and the file on disk is as it was.
bool write_file_atomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

} // namespace app
