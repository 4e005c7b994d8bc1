#pragma once
// Design note: the open document.
//
// The document owns the scenario being edited, the file it came from and the undo stack.
// Every edit is a ScenarioEdit command holding the scenario before and after (scenarios are
// small values, so a snapshot is cheaper to get right than a command per field); continuous
// edits such as a drag merge into one undo entry. After any change the document emits
// changed(), and the views re-sync from scenario() by id. Saving goes through
// write_file_atomically, so a crash mid-save leaves the old file whole.

#include "model/edit.h"
#include "model/scenario.h"
#include "model/scenario_json.h"

#include <QObject>
#include <QString>
#include <QUndoCommand>
#include <QUndoStack>

namespace app {

// A scenario file read and checked (model::load_scenario_file); a reader that gives up with an
// exception on input it cannot take (a number too large for a double, say) becomes a problem
// naming the file, never a crash. Safe to call off the GUI thread.
model::ScenarioLoad read_scenario_file(const QString &path);
// The same for text already read.
model::ScenarioLoad read_scenario_text(const std::string &text, const QString &path);

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const model::Scenario &scenario() const { return scenario_; }
    QUndoStack *undo_stack() { return &undo_; }
    QString path() const { return path_; }
    bool modified() const { return !undo_.isClean(); }

    // Replaces everything (open, new); the undo history starts afresh.
    void reset(model::Scenario scenario, const QString &path);
    // The same for a scenario recovered from an autosave: bound to `path` (its original file,
    // or none), and modified, since what is on disk is not this scenario.
    void recover(model::Scenario scenario, const QString &path);
    // Marks the document as having changes to save (a design kept from a comparison).
    void mark_unsaved();
    // Writes atomically (write_file_atomically); on failure says why in *error and keeps the
    // document modified.
    bool save(const QString &path, QString *error);

    // Applies an edit made on a copy of scenario(); merge_key non-empty merges consecutive
    // edits with the same key (one undo entry per drag).
    void apply(const QString &text, model::Scenario after, const QString &merge_key = {});
    // Runs a model edit on a copy and applies it if it succeeded; returns its result.
    template <typename F>
    model::EditResult edit(const QString &text, F &&change, const QString &merge_key = {}) {
        model::Scenario copy = scenario_;
        model::EditResult r = change(copy);
        if (r.ok)
            apply(text, std::move(copy), merge_key);
        return r;
    }

    // Used by the undo commands only.
    void set_scenario(const model::Scenario &scenario);

signals:
    void changed();          // the scenario changed
    void modified_changed(); // saved or changed since: the title's "*", not the scenario
    void path_changed(const QString &path);

private:
    model::Scenario scenario_;
    QString path_;
    QUndoStack undo_;
};

// One undoable change of the scenario, by snapshots.
class ScenarioEdit : public QUndoCommand {
public:
    ScenarioEdit(Document *doc, const QString &text, model::Scenario before, model::Scenario after,
                 QString merge_key);
    void undo() override;
    void redo() override;
    int id() const override { return merge_key_.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *doc_;
    model::Scenario before_, after_;
    QString merge_key_;
};

} // namespace app
