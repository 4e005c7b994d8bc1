#pragma once
// The questions and file choices the app puts to the learner, and where scenario files are
// looked for. Tests answer in the learner's place.

#include "model/edit.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QUrl;
class QWidget;

namespace app {

// A yes/no question; true when the learner says yes. `details` go under "Show Details...".
bool ask_yes_no(QWidget *parent, const QString &title, const QString &text, const QString &question,
                const QString &details = {});

// Tells the learner why something cannot be done, in a box to acknowledge; `details` go under
// "Show Details...". A warning has the warning icon.
void tell(QWidget *parent, const QString &title, const QString &text, const QString &more,
          const QString &details = {});
void warn(QWidget *parent, const QString &title, const QString &text, const QString &more,
          const QString &details = {});

// Unsaved changes before they would be lost: save them, discard them, or do not go on.
enum class SaveChoice { save, discard, cancel };
SaveChoice ask_save_changes(QWidget *parent, const QString &text);

// An autosave left by a session that ended without a clean close: open it, delete it, or
// leave it for the next start.
enum class RecoveryChoice { recover, discard, later };
RecoveryChoice ask_recovery(QWidget *parent, const QString &text, const QString &more);

// A link in a lesson: only http and https addresses open, in the learner's browser, and only
// after they agreed to the address shown (widgets::is_web_address). True if it was opened.
bool confirm_and_open_link(QWidget *parent, const QUrl &url);

// Tests: every question is answered by `answerer`, given the question's text, instead of a
// box, and what tell() and warn() say goes to it too, details included (its answer unused);
// an empty function shows the boxes again.
using Answerer = std::function<bool(const QString &text)>;
void answer_questions_with(Answerer answerer);
// Tests: questions with more than two answers (save/discard/cancel, recover/discard/later)
// are answered by `chooser`, given the text and the answers offered, with the index of one;
// an empty function shows the boxes again.
using ChoiceAnswerer = std::function<int(const QString &text, const QStringList &answers)>;
void answer_choices_with(ChoiceAnswerer chooser);
// Tests: links the learner agreed to open go to `opener` instead of the browser.
using LinkOpener = std::function<void(const QUrl &url)>;
void open_links_with(LinkOpener opener);

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
