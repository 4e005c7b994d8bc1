#pragma once
// Design note: autosave and recovery.
//
// While the open scenario has changes that are not saved, an Autosaver writes it to the user's
// data folder (QStandardPaths::AppDataLocation, "autosave/"): after an idle pause in the
// editing and at least every half minute while editing goes on. Each session has its own files,
// named by a session id, so two windows or two instances never write over each other:
//   autosave-ID.json  the scenario, a scenario file like any other
//   autosave-ID.info  where it came from and when: {"original": path or "", "name", "saved_at"}
//   autosave-ID.lock  a QLockFile the session holds while it runs
// Writes go through write_file_atomically on a worker thread, one at a time and in order, so
// a kill at any moment leaves the previous autosave whole. A clean save, a discard and a clean
// close remove the session's autosave. At start-up, left_behind() lists the autosaves whose
// session no longer runs: their lock is missing or stale (its process is gone); a live
// session's lock cannot be taken, so its autosave is never offered elsewhere.

#include "app/document.h"
#include "model/scenario_json.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

class QLockFile;

namespace app {

// An autosave another session left behind.
struct LeftBehind {
    QString id;            // the session that wrote it
    QString scenario_file; // the autosaved scenario
    QString original;      // the file the scenario belonged to; "" for one never saved
    QString name;          // the scenario's name
    QDateTime saved_at;
};

class Autosaver : public QObject {
    Q_OBJECT
public:
    // An empty folder means "autosave" in the user's application-data folder.
    explicit Autosaver(Document *doc, QString folder = {}, QObject *parent = nullptr);
    // Waits for a write in flight and lets go of the lock; the autosave stays unless the
    // document was saved or discarded, so that a session that ends without a clean close can
    // be recovered.
    ~Autosaver() override;

    QString folder() const { return folder_; }
    // Another folder (tests), before anything is written.
    void set_folder(const QString &folder) { folder_ = folder; }
    QString session_id() const { return id_; }
    QString scenario_file() const;
    QString info_file() const;
    // Pause after the last edit before a write, and the longest time between writes while
    // editing goes on.
    void set_intervals(int idle_ms, int period_ms);

    // Writes the document now (off this thread) if it has changes not yet autosaved.
    void save_now();
    // Waits until every write and removal asked for so far is done (closing, tests).
    void wait();
    // The document is saved, discarded or closed cleanly: its autosave goes.
    void discard();

    // Autosaves of sessions that no longer run, newest first; each stays locked by this
    // session until it is removed or kept.
    std::vector<LeftBehind> left_behind();
    // Reads a left-behind autosave's scenario.
    static model::ScenarioLoad load(const LeftBehind &autosave);
    // Deletes a left-behind autosave (recovered or discarded) / keeps it for a later session.
    void remove(const LeftBehind &autosave);
    void keep(const LeftBehind &autosave);

signals:
    // An autosave was written (on this object's thread, after the write).
    void saved(const QString &file);
    // An autosave could not be written.
    void failed(const QString &why);

private:
    void document_changed();
    bool lock_session();
    QString file_of(const QString &id, const char *suffix) const;

    Document *doc_;
    QString folder_;
    QString id_;
    std::unique_ptr<QLockFile> lock_;
    std::map<QString, std::unique_ptr<QLockFile>> others_; // left-behind autosaves held
    QThreadPool writer_;
    QTimer idle_;
    QTimer period_;
    bool dirty_ = false; // changes made since the last write started
};

} // namespace app
