#include "document.h"

#include "model/scenario_json.h"

#include "app/savefile.h"

namespace app {

namespace {

template <typename F> model::ScenarioLoad guarded(const QString &path, F &&read) {
    try {
        return read();
    } catch (const std::exception &e) {
        model::ScenarioLoad load;
        load.problems.push_back(
            {path.toStdString(), "", std::string("the file could not be read: ") + e.what()});
        return load;
    }
}

} // namespace

model::ScenarioLoad read_scenario_file(const QString &path) {
    return guarded(path, [&] { return model::load_scenario_file(path.toStdString()); });
}

model::ScenarioLoad read_scenario_text(const std::string &text, const QString &path) {
    return guarded(path, [&] { return model::parse_scenario(text, path.toStdString()); });
}

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

void Document::recover(model::Scenario scenario, const QString &path) {
    reset(std::move(scenario), path);
    undo_.resetClean(); // no state of this session is the file on disk
}

void Document::mark_unsaved() {
    if (undo_.isClean())
        undo_.resetClean(); // emits cleanChanged, and so modified_changed
}

bool Document::save(const QString &path, QString *error) {
    if (!write_file_atomically(path, QByteArray::fromStdString(model::write_scenario(scenario_)),
                               error))
        return false;
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
