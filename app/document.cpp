#include "document.h"

#include "model/scenario_json.h"

#include <QSaveFile>

namespace app {

Document::Document(QObject *parent) : QObject(parent) {
    connect(&undo_, &QUndoStack::cleanChanged, this, &Document::modified_changed);
}

Document::~Document() {
    // The undo stack says it is clean again as it goes; by then whoever listens to changed()
    // may be gone (the main window's members go before the window itself).
    undo_.disconnect(this);
}

void Document::reset(model::Scenario scenario, const QString &path) {
    undo_.clear();
    scenario_ = std::move(scenario);
    path_ = path;
    undo_.setClean();
    emit path_changed(path_);
    emit changed();
}

void Document::mark_unsaved() {
    if (undo_.isClean())
        undo_.resetClean(); // emits cleanChanged, and so modified_changed
}

bool Document::save(const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    const std::string text = model::write_scenario(scenario_);
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    path_ = path;
    undo_.setClean();
    emit path_changed(path_);
    return true;
}

void Document::apply(const QString &text, model::Scenario after, const QString &merge_key) {
    undo_.push(new ScenarioEdit(this, text, scenario_, std::move(after), merge_key));
}

void Document::set_scenario(const model::Scenario &scenario) {
    scenario_ = scenario;
    emit changed();
}

ScenarioEdit::ScenarioEdit(Document *doc, const QString &text, model::Scenario before,
                           model::Scenario after, QString merge_key)
    : QUndoCommand(text), doc_(doc), before_(std::move(before)), after_(std::move(after)),
      merge_key_(std::move(merge_key)) {}

void ScenarioEdit::undo() {
    doc_->set_scenario(before_);
}
void ScenarioEdit::redo() {
    doc_->set_scenario(after_);
}

bool ScenarioEdit::mergeWith(const QUndoCommand *other) {
    const auto *o = static_cast<const ScenarioEdit *>(other);
    if (o->merge_key_ != merge_key_)
        return false;
    after_ = o->after_;
    return true;
}

} // namespace app
