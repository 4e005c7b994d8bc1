#pragma once
// The questions and file choices the app puts to the learner, and where scenario files are
// looked for. Tests answer in the learner's place.

#include "model/edit.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace app {

// A yes/no question; true when the learner says yes. `details` go under "Show Details...".
bool ask_yes_no(QWidget *parent, const QString &title, const QString &text, const QString &question,
                const QString &details = {});

// Tells the learner why something cannot be done, in a box to acknowledge.
void tell(QWidget *parent, const QString &title, const QString &text, const QString &more);

// Tests: every question is answered by `answerer`, given the question's text, instead of a
// box, and what tell() says goes to it too (its answer unused); an empty function shows the
// boxes again.
using Answerer = std::function<bool(const QString &text)>;
void answer_questions_with(Answerer answerer);

// The scenario settings in a dialog; the settings chosen, or nothing if cancelled.
std::optional<model::ScenarioSettings> ask_scenario_settings(QWidget *parent,
                                                             const model::ScenarioSettings &now);

// Scenario files: the Open and Save dialogs start in the folder used last, at first the user's
// documents folder (or home, without one); a name saved without an extension gets ".json", so
// that the Open dialog (which lists *.json) shows it. Each returns "" when cancelled. A scenario
// never saved is offered under its name.
QString scenario_folder();
void remember_scenario_folder(const QString &file);
QString with_json_extension(const QString &path);
QString file_name_for(const QString &scenario_name);
QString choose_scenario_to_open(QWidget *parent);
QString choose_scenario_to_save(QWidget *parent, const QString &current,
                                const QString &scenario_name);

// Tests: files are chosen by `chooser`, given the folder (or, to save, the file) the dialog
// would start at, instead of a dialog; an empty function shows the dialogs again.
using FileChooser = std::function<QString(const QString &start)>;
void choose_files_with(FileChooser chooser);

} // namespace app
