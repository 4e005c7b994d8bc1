#include "quizpanel.h"
#include "widgets/qtext.h"

#include "app/lessonlibrary.h"
#include "model/cli_quiz.h"
#include "model/world_at.h"
#include "widgets/mapview.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

namespace {

using widgets::q;

QString number(double v) {
    return QLocale().toString(v, 'g', 6);
}

} // namespace

QString missed_text(model::Missed m) {
    switch (m) {
    case model::Missed::detection:
        return QuizPanel::tr("the time to detect the failure (health checks)");
    case model::Missed::propagation:
        return QuizPanel::tr("the time for the DNS answer to change");
    case model::Missed::client_cache:
        return QuizPanel::tr("clients holding cached answers until their TTL runs out");
    case model::Missed::promotion:
        return QuizPanel::tr("the promotion of a replica");
    case model::Missed::warmup:
        return QuizPanel::tr("the standby warming up");
    case model::Missed::other:
        return QuizPanel::tr("the rest of the recovery");
    case model::Missed::replication_lag:
        return QuizPanel::tr("the replication lag at the moment of promotion");
    case model::Missed::too_high:
        return QuizPanel::tr("nothing: your answer was above the model's figure");
    case model::Missed::nothing:
        break;
    }
    return {};
}

namespace {

QString kind_words(const model::Question &question) {
    switch (question.kind) {
    case model::QuestionKind::choice:
        return question.multiple() ? QuizPanel::tr("Choose every right answer")
                                   : QuizPanel::tr("Choose one");
    case model::QuestionKind::numeric:
        return question.parameterised() ? QuizPanel::tr("Work it out (values drawn for you)")
                                        : QuizPanel::tr("Work it out");
    case model::QuestionKind::predict:
        return QuizPanel::tr("Predict, then watch");
    case model::QuestionKind::red_flags:
        return QuizPanel::tr("Spot the red flags: click each flawed part on the map");
    case model::QuestionKind::open:
        return QuizPanel::tr("Interview question: answer aloud, then tick what you covered");
    }
    return {};
}

} // namespace

QuizPanel::QuizPanel(std::vector<model::Quiz> quizzes, QWidget *parent)
    : QDialog(parent), quizzes_(std::move(quizzes)) {
    setWindowTitle(tr("Quiz"));
    build();
    connect(&live_, &LiveRun::updated, this, [this] {
        const RunSnapshot &run = live_.current();
        map_->show_scenario(*run.scenario);
        live_.clock()->set_end(run.report->run.end_ms);
        model::Ms from = run.report->run.end_ms;
        for (const model::Fault &f : run.scenario->faults)
            from = std::min(from, f.at_ms);
        live_.clock()->seek(std::max<model::Ms>(0, from - 30 * model::kSecond));
        show_playhead(live_.clock()->playhead());
        if (autoplay_)
            live_.clock()->play();
    });
    connect(live_.clock(), &PlaybackClock::moved, this, &QuizPanel::show_playhead);
}

QuizPanel::~QuizPanel() {
    runner_.cancel();
    live_.close();
}

void QuizPanel::build() {
    pages_ = new QStackedWidget(this);
    auto *question = new QWidget(pages_);
    auto *left = new QWidget(question);
    auto *col = new QVBoxLayout(left);
    auto *top = new QHBoxLayout;
    header_ = new QLabel(left);
    timer_label_ = new QLabel(left);
    timer_label_->setAccessibleName(tr("Time left"));
    top->addWidget(header_, 1);
    top->addWidget(timer_label_);
    col->addLayout(top);
    hint_ = new QLabel(left);
    hint_->setWordWrap(true);
    prompt_ = new QLabel(left);
    prompt_->setWordWrap(true);
    prompt_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = prompt_->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    prompt_->setFont(big);
    col->addWidget(hint_);
    col->addWidget(prompt_);
    options_ = new QWidget(left);
    options_layout_ = new QVBoxLayout(options_);
    options_layout_->setContentsMargins(0, 0, 0, 0);
    col->addWidget(options_);
    number_ = new QDoubleSpinBox(left);
    number_->setRange(-1e9, 1e9);
    number_->setDecimals(1);
    number_->setAccessibleName(tr("Your answer"));
    col->addWidget(number_);
    auto *buttons = new QHBoxLayout;
    check_ = new QPushButton(tr("&Check"), left);
    check_->setDefault(true);
    next_ = new QPushButton(tr("&Next"), left);
    show_map_ = new QPushButton(tr("Show on the &map"), left);
    show_map_->setToolTip(tr("Play this question's scenario on the map beside"));
    buttons->addWidget(check_);
    buttons->addWidget(next_);
    buttons->addWidget(show_map_);
    buttons->addStretch(1);
    col->addLayout(buttons);
    result_ = new QTextBrowser(left);
    result_->setOpenLinks(false);
    result_->setAccessibleName(tr("Result"));
    col->addWidget(result_, 1);
    map_ = new widgets::MapView(question);
    map_->set_editable(false);
    map_->setMinimumWidth(420);
    auto *split = new QSplitter(question);
    split->addWidget(left);
    split->addWidget(map_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *qlay = new QVBoxLayout(question);
    qlay->setContentsMargins(0, 0, 0, 0);
    qlay->addWidget(split);
    review_ = new QTextBrowser(pages_);
    review_->setOpenLinks(false);
    pages_->addWidget(question);
    pages_->addWidget(review_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pages_);
    resize(1200, 720);

    timer_ = new QTimer(this);
    timer_->setInterval(1000);
    connect(timer_, &QTimer::timeout, this, &QuizPanel::tick);
    connect(check_, &QPushButton::clicked, this, &QuizPanel::check);
    connect(next_, &QPushButton::clicked, this, &QuizPanel::next);
    connect(show_map_, &QPushButton::clicked, this, [this] {
        if (asked_ && asked_->scenario)
            play_design(*asked_->scenario);
    });
    connect(map_, &widgets::MapView::selection_changed, this, &QuizPanel::toggle_mark);
    new QShortcut(QKeySequence(tr("Ctrl+Return")), this, [this] { check(); });
    new QShortcut(QKeySequence(tr("Ctrl+Right")), this, [this] { next(); });
}

bool QuizPanel::start_chapter(int chapter) {
    std::vector<std::pair<const model::Quiz *, const model::Question *>> order;
    for (const model::Quiz &quiz : quizzes_)
        if (quiz.chapter == chapter)
            for (const model::Question &question : quiz.questions)
                order.emplace_back(&quiz, &question);
    if (order.empty())
        return false;
    interview_ = false;
    seconds_left_ = -1;
    timer_->stop();
    timer_label_->clear();
    setWindowTitle(tr("Test yourself: %1").arg(q(order.front().first->title)));
    start(std::move(order));
    return true;
}

void QuizPanel::start_interview(int count, int minutes, std::uint64_t seed) {
    interview_ = true;
    seed_ = seed;
    setWindowTitle(tr("Interview practice"));
    start(model::draw_questions(quizzes_, std::nullopt, seed, static_cast<std::size_t>(count)));
    seconds_left_ = minutes * 60;
    tick();
    timer_->start();
}

void QuizPanel::start(std::vector<std::pair<const model::Quiz *, const model::Question *>> order) {
    order_ = std::move(order);
    position_ = 0;
    score_ = 0;
    finished_ = false;
    results_.clear();
    pages_->setCurrentIndex(0);
    ask_current();
}

void QuizPanel::ask_current() {
    asked_.reset();
    checked_ = false;
    marked_.clear();
    live_.clock()->pause();
    header_->setText(tr("Question %1 of %2").arg(position_ + 1).arg(count()));
    prompt_->setText(tr("Preparing the question\u2026"));
    check_->setEnabled(false);
    next_->setEnabled(false);
    const model::Quiz *quiz = order_[static_cast<std::size_t>(position_)].first;
    const model::Question *question = order_[static_cast<std::size_t>(position_)].second;
    // Parameters drawn, the scenario prepared and run: model work, off the GUI thread.
    const std::uint64_t seed = seed_ + static_cast<std::uint64_t>(position_);
    runner_.request_work<std::shared_ptr<const model::Asked>>(
        [quiz, question, seed](const std::atomic<bool> &stop) {
            return std::make_shared<const model::Asked>(
                model::ask(*question, *quiz, seed, qt_reader(), &stop));
        },
        [this](std::shared_ptr<const model::Asked> asked) {
            asked_ = std::move(asked);
            show_asked();
        });
}

void QuizPanel::show_asked() {
    const model::Question &question = *asked_->question;
    hint_->setText(QStringLiteral("<i>%1</i>").arg(kind_words(question)));
    prompt_->setText(q(asked_->prompt));
    result_->clear();
    while (QLayoutItem *item = options_layout_->takeAt(0)) {
        if (QLayout *row = item->layout())
            while (QLayoutItem *inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        delete item->widget();
        delete item;
    }
    option_buttons_.clear();
    const bool open = question.kind == model::QuestionKind::open;
    const QStringList lines = [&] {
        QStringList out;
        if (open)
            for (const std::string &r : question.rubric)
                out << q(r);
        else
            for (const model::QuizOption &o : question.options)
                out << q(o.text);
        return out;
    }();
    for (int i = 0; i < lines.size(); ++i) {
        QAbstractButton *b = open || question.multiple()
                                 ? static_cast<QAbstractButton *>(new QCheckBox(options_))
                                 : static_cast<QAbstractButton *>(new QRadioButton(options_));
        // The number on the button (Alt+1...), the words beside it, wrapped: options are
        // sentences, and a button's own text never wraps.
        b->setText(QStringLiteral("&%1").arg(i + 1));
        auto *words = new QLabel(lines[i], options_);
        words->setWordWrap(true);
        words->setBuddy(b);
        b->setAccessibleName(lines[i]);
        auto *row = new QHBoxLayout;
        row->addWidget(b, 0, Qt::AlignTop);
        row->addWidget(words, 1);
        options_layout_->addLayout(row);
        option_buttons_.push_back(b);
    }
    const bool by_number =
        question.options.empty() && (question.kind == model::QuestionKind::numeric ||
                                     question.kind == model::QuestionKind::predict);
    number_->setVisible(by_number);
    number_->setSuffix(question.unit.empty() ? QString() : QLatin1Char(' ') + q(question.unit));
    number_->setValue(0);
    if (!asked_->ok()) {
        result_->setPlainText(tr("This question cannot be asked: %1").arg(q(asked_->failure)));
        next_->setEnabled(true);
        return;
    }
    check_->setText(question.kind == model::QuestionKind::predict ? tr("&Commit prediction")
                                                                  : tr("&Check"));
    check_->setEnabled(true);
    next_->setEnabled(false);
    show_map_->setEnabled(asked_->scenario.has_value());
    map_->setEnabled(asked_->scenario.has_value());
    if (asked_->scenario) {
        // The design as it starts, drawn from its own run; nothing of the last question's
        // run stays on the map.
        map_->show_scenario(*asked_->scenario);
        map_->fit_to_content();
        autoplay_ = false;
        live_.request(*asked_->scenario);
    }
    if (question.kind == model::QuestionKind::open)
        result_->setPlainText(
            tr("Say or write your answer first. Then press Check to see a strong answer, and "
               "tick the points of the rubric yours made."));
    if (by_number)
        number_->setFocus();
}

model::Answer QuizPanel::answer_from_inputs() const {
    model::Answer a;
    const model::Question &question = *asked_->question;
    if (number_->isVisible())
        a.number = number_->value();
    for (std::size_t i = 0; i < option_buttons_.size(); ++i) {
        if (question.kind == model::QuestionKind::open)
            a.rubric_ticks.push_back(option_buttons_[i]->isChecked());
        else if (option_buttons_[i]->isChecked())
            a.chosen.push_back(static_cast<int>(i));
    }
    a.marked.assign(marked_.begin(), marked_.end());
    return a;
}

void QuizPanel::check() {
    if (!asked_ || !asked_->ok() || checked_)
        return;
    answer(answer_from_inputs());
}

void QuizPanel::answer(const model::Answer &answer) {
    if (!asked_ || !asked_->ok() || checked_)
        return;
    checked_ = true;
    Result r;
    r.quiz = order_[static_cast<std::size_t>(position_)].first;
    r.asked = asked_;
    r.answer = answer;
    r.grade = model::grade(*asked_, answer);
    score_ += r.grade.correct ? 1 : 0;
    results_.push_back(r);
    result_->setHtml(grade_html(r));
    check_->setEnabled(false);
    next_->setEnabled(true);
    next_->setFocus();
    emit question_answered(r.quiz->chapter, q(asked_->question->id), r.grade.correct);
    // Predictions are watched; a red flag is played to show its damage.
    const model::Question &question = *asked_->question;
    if (question.kind == model::QuestionKind::predict && asked_->scenario) {
        play_design(*asked_->scenario);
    } else if (question.kind == model::QuestionKind::red_flags && asked_->scenario) {
        model::Scenario broken = *asked_->scenario;
        for (const model::RedFlag &f : question.flags)
            if (model::add_fault(broken, f.fault).ok)
                break;
        play_design(broken);
    }
}

QString QuizPanel::grade_html(const Result &r) const {
    const model::Question &question = *r.asked->question;
    const model::Grade &g = r.grade;
    QString html = g.correct ? QStringLiteral("<h3>\u2713 %1</h3>").arg(tr("Right"))
                             : QStringLiteral("<h3>\u2717 %1</h3>").arg(tr("Not quite"));
    if (question.kind == model::QuestionKind::open)
        html = QStringLiteral("<h3>%1</h3>")
                   .arg(tr("You covered %1 % of the rubric").arg(qRound(g.score * 100)));
    const QString unit = question.unit.empty() ? QString() : QLatin1Char(' ') + q(question.unit);
    if (g.expected)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("The model's answer for this scenario: <b>%1%2</b>; answers within "
                            "%3%2 count as right. Yours: %4%2.")
                             .arg(number(*g.expected), unit, number(question.tolerance),
                                  r.answer.number ? number(*r.answer.number) : tr("none")));
    if (g.missed != model::Missed::nothing)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("What the estimate left out: <b>%1</b>.").arg(missed_text(g.missed)));
    if (!g.flags_missed.empty() || !g.flags_wrong.empty()) {
        QStringList missed, wrong;
        for (const std::string &c : g.flags_missed)
            missed << q(c);
        for (const std::string &c : g.flags_wrong)
            wrong << q(c);
        if (!missed.isEmpty())
            html += tr("<p>Flaws you did not mark: %1.</p>").arg(missed.join(QStringLiteral(", ")));
        if (!wrong.isEmpty())
            html += tr("<p>Marked, but sound: %1.</p>").arg(wrong.join(QStringLiteral(", ")));
    }
    QString list;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        const model::QuizOption &o = question.options[i];
        list += QStringLiteral("<li><b>%1%2</b>: %3</li>")
                    .arg(o.correct ? QStringLiteral("\u2713 ") : QString(),
                         q(o.text).toHtmlEscaped(), q(o.explanation).toHtmlEscaped());
    }
    for (const model::RedFlag &f : question.flags)
        list += QStringLiteral("<li><b>%1</b>: %2</li>")
                    .arg(q(f.component).toHtmlEscaped(), q(f.why).toHtmlEscaped());
    if (!list.isEmpty())
        html += QStringLiteral("<ul>%1</ul>").arg(list);
    if (!question.model_answer.empty())
        html +=
            tr("<p><b>A strong answer:</b> %1</p>").arg(q(question.model_answer).toHtmlEscaped());
    if (!question.red_flag_answers.empty()) {
        QString flags;
        for (const std::string &f : question.red_flag_answers)
            flags += QStringLiteral("<li>%1</li>").arg(q(f).toHtmlEscaped());
        html += tr("<p><b>Red flags an interviewer listens for:</b></p><ul>%1</ul>").arg(flags);
    }
    if (!question.explanation.empty())
        html += QStringLiteral("<p>%1</p>").arg(q(question.explanation).toHtmlEscaped());
    return html;
}

QString QuizPanel::result_text() const {
    return result_->toPlainText();
}

void QuizPanel::next() {
    if (finished_ || position_ >= count())
        return;
    if (position_ + 1 >= count()) {
        finish();
        return;
    }
    ++position_;
    ask_current();
}

void QuizPanel::finish() {
    finished_ = true;
    timer_->stop();
    runner_.cancel();
    live_.clock()->pause();
    review_->setHtml(review_html());
    pages_->setCurrentIndex(1);
}

QString QuizPanel::review_html() const {
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("Score: %1 / %2").arg(score_).arg(count()));
    if (answered() < count())
        html += tr("<p>%n question(s) left unanswered.</p>", nullptr, count() - answered());
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const Result &r = results_[i];
        html += QStringLiteral("<hr><p><b>%1. %2</b></p>")
                    .arg(static_cast<int>(i) + 1)
                    .arg(q(r.asked->prompt).toHtmlEscaped());
        html += grade_html(r);
    }
    return html;
}

void QuizPanel::tick() {
    if (seconds_left_ < 0)
        return;
    timer_label_->setText(
        tr("%1:%2 left").arg(seconds_left_ / 60).arg(seconds_left_ % 60, 2, 10, QLatin1Char('0')));
    if (seconds_left_ == 0 && !finished_) {
        finish();
        return;
    }
    --seconds_left_;
}

void QuizPanel::play_design(const model::Scenario &s) {
    autoplay_ = true;
    live_.request(s);
}

void QuizPanel::show_playhead(model::Ms t) {
    const RunSnapshot &run = live_.current();
    if (run)
        map_->show_world(*run.scenario, model::world_at(*run.scenario, *run.report, t));
}

void QuizPanel::toggle_mark(const QString &id) {
    // One click can select more than once (a badge, then its region): a part toggles when it
    // becomes the selection, and the selection is cleared after, so a second click unmarks.
    const QString previous = last_selected_;
    last_selected_ = id;
    if (!asked_ || checked_ || asked_->question->kind != model::QuestionKind::red_flags ||
        id.isEmpty() || id == previous)
        return;
    const std::string part = id.toStdString();
    if (!marked_.erase(part))
        marked_.insert(part);
    QStringList shown;
    for (const std::string &m : marked_)
        shown << q(m);
    result_->setPlainText(shown.isEmpty() ? tr("Nothing marked yet.")
                                          : tr("Marked as flawed: %1").arg(shown.join(", ")));
    // Clear the selection, so that a second click on the same part unmarks it.
    QTimer::singleShot(0, map_, [this] { map_->select_id(QString()); });
}

} // namespace app
