# -*- coding: utf-8 -*-
"""Source of the message catalogs: one row per key with Russian, Kazakh and English text.

Run `python3 scripts/l10n_source.py` to regenerate Sources/KnigonoshaApp/Resources/l10n/*.json.
Plural entries give CLDR forms: Russian one/few/many, Kazakh and English one/other.
"""
import json, os

T = {}
def t(key, ru, kk, en): T[key] = (ru, kk, en)
def p(key, ru, kk, en): T[key] = (ru, kk, en)  # plural: dicts

t("app.name", "Книгоноша", "Кітап тасушы", "Knigonosha")
t("layout.skip", "Перейти к содержанию", "Мазмұнға өту", "Skip to main content")
t("layout.nav", "Основное меню", "Негізгі мәзір", "Main menu")
t("layout.language", "Язык интерфейса", "Интерфейс тілі", "Interface language")
t("layout.large_text", "Крупный шрифт", "Ірі қаріп", "Larger text")
t("layout.footer", "Книгоноша — доставка книг на дом читателям библиотеки", "Кітап тасушы — кітапхана оқырмандарына кітапты үйге жеткізу", "Knigonosha — home delivery of library books")
t("nav.readers", "Читатели", "Оқырмандар", "Readers")
t("nav.users", "Учётные записи", "Есептік жазбалар", "Accounts")
t("nav.branches", "Филиалы", "Филиалдар", "Branches")
t("nav.profile", "Профиль", "Профиль", "Profile")
t("nav.logout", "Выйти", "Шығу", "Sign out")
t("home.carrier_title", "Мои маршруты", "Менің бағыттарым", "My runs")
t("home.carrier_text", "Здесь появятся ваши маршруты доставки, когда координатор их назначит.", "Үйлестіруші тағайындаған кезде жеткізу бағыттарыңыз осында пайда болады.", "Your delivery runs will appear here once a coordinator assigns them.")

t("common.save", "Сохранить", "Сақтау", "Save")
t("common.cancel", "Отмена", "Болдырмау", "Cancel")
t("common.remove", "Удалить", "Жою", "Remove")
t("common.yes", "Да", "Иә", "Yes")
t("common.no", "Нет", "Жоқ", "No")
t("common.unknown", "Неизвестно", "Белгісіз", "Unknown")
t("common.not_chosen", "— не выбрано —", "— таңдалмаған —", "— not chosen —")
t("common.not_given", "Не указано", "Көрсетілмеген", "Not given")
t("common.actions", "Действия", "Әрекеттер", "Actions")

t("form.required_mark", "(обязательно)", "(міндетті)", "(required)")
t("form.required_note", "Поля с пометкой «обязательно» нужно заполнить.", "«Міндетті» деп белгіленген өрістерді толтыру керек.", "Fields marked “required” must be filled in.")
t("form.error_prefix", "Ошибка:", "Қате:", "Error:")
p("form.errors_count", {"one": "Исправьте {count} ошибку", "few": "Исправьте {count} ошибки", "many": "Исправьте {count} ошибок", "other": "Исправьте {count} ошибки"},
  {"one": "{count} қатені түзетіңіз", "other": "{count} қатені түзетіңіз"},
  {"one": "Fix {count} problem", "other": "Fix {count} problems"})
t("form.one_per_line", "По одному на строку.", "Әр жолға біреуден.", "One per line.")
t("date.hint", "Например, 1950-03-25.", "Мысалы, 1950-03-25.", "For example 1950-03-25.")
t("phone.hint", "Номер Казахстана: +7 701 234 56 78 или 8 701 234 56 78.", "Қазақстан нөмірі: +7 701 234 56 78 немесе 8 701 234 56 78.", "A Kazakhstan number: +7 701 234 56 78 or 8 701 234 56 78.")
t("coords.hint_lat", "Широта, от −90 до 90, например 50.4111.", "Ендік, −90-нан 90-ға дейін, мысалы 50.4111.", "Latitude, −90 to 90, for example 50.4111.")
t("coords.hint_lon", "Долгота, от −180 до 180, например 80.2275.", "Бойлық, −180-нен 180-ге дейін, мысалы 80.2275.", "Longitude, −180 to 180, for example 80.2275.")

t("validation.required", "Заполните это поле.", "Бұл өрісті толтырыңыз.", "Fill in this field.")
t("validation.too_long", "Не больше {max} символов.", "{max} таңбадан аспауы керек.", "No more than {max} characters.")
t("validation.item_too_long", "Каждая строка — не больше {max} символов.", "Әр жол {max} таңбадан аспауы керек.", "Each line must be at most {max} characters.")
t("validation.too_many", "Не больше {max} значений.", "{max} мәннен аспауы керек.", "No more than {max} values.")
t("validation.choice", "Выберите значение из списка.", "Тізімнен мән таңдаңыз.", "Choose a value from the list.")
t("validation.date", "Введите дату в формате ГГГГ-ММ-ДД.", "Күнді ЖЖЖЖ-АА-КК пішімінде енгізіңіз.", "Enter a date as YYYY-MM-DD.")
t("validation.time", "Введите время в формате ЧЧ:ММ.", "Уақытты СС:ММ пішімінде енгізіңіз.", "Enter a time as HH:MM.")
t("validation.birth_future", "Дата рождения не может быть в будущем.", "Туған күн болашақта бола алмайды.", "The date of birth cannot be in the future.")
t("validation.not_future", "Дата не может быть в будущем.", "Күн болашақта бола алмайды.", "The date cannot be in the future.")
t("validation.end_before_start", "Дата окончания раньше даты начала.", "Аяқталу күні басталу күнінен ерте.", "The end date is before the start date.")
t("validation.phone", "Это не номер Казахстана: нужен +7 и 10 цифр, например +7 701 234 56 78.", "Бұл Қазақстан нөмірі емес: +7 және 10 сан қажет, мысалы +7 701 234 56 78.", "This is not a Kazakhstan number: use +7 and 10 digits, for example +7 701 234 56 78.")
t("validation.latitude", "Широта должна быть от −90 до 90.", "Ендік −90-нан 90-ға дейін болуы керек.", "Latitude must be between −90 and 90.")
t("validation.longitude", "Долгота должна быть от −180 до 180.", "Бойлық −180-нен 180-ге дейін болуы керек.", "Longitude must be between −180 and 180.")
t("validation.coordinates_pair", "Укажите и широту, и долготу или ни одну.", "Ендікті де, бойлықты да көрсетіңіз немесе екеуін де бос қалдырыңыз.", "Give both latitude and longitude, or neither.")
t("validation.number", "Введите число, например 50.4111.", "Сан енгізіңіз, мысалы 50.4111.", "Enter a number, for example 50.4111.")
t("validation.whole_number", "Введите целое число.", "Бүтін сан енгізіңіз.", "Enter a whole number.")
t("validation.range", "Значение должно быть от {min} до {max}.", "Мән {min} мен {max} аралығында болуы керек.", "The value must be from {min} to {max}.")
t("validation.email", "Введите адрес электронной почты, например name@example.kz.", "Электрондық пошта мекенжайын енгізіңіз, мысалы name@example.kz.", "Enter an email address, for example name@example.kz.")
t("validation.type", "Неверный тип значения.", "Мән түрі қате.", "Wrong type of value.")
t("validation.control_chars", "Текст содержит недопустимые управляющие символы.", "Мәтінде рұқсат етілмеген басқару таңбалары бар.", "The text contains control characters that are not allowed.")

t("error.not_found", "Такой страницы или записи нет.", "Мұндай бет немесе жазба жоқ.", "There is no such page or record.")
t("error.forbidden", "У вашей учётной записи нет доступа к этой странице.", "Есептік жазбаңызға бұл бетке рұқсат жоқ.", "Your account does not have access to this page.")
t("error.unauthorized", "Войдите в систему.", "Жүйеге кіріңіз.", "Please sign in.")
t("error.bad_request", "Запрос не удалось обработать.", "Сұрауды өңдеу мүмкін болмады.", "The request could not be processed.")
t("error.malformed_json", "Тело запроса — не корректный JSON.", "Сұрау денесі дұрыс JSON емес.", "The request body is not valid JSON.")
t("error.too_large", "Запрос слишком большой (больше 1 МБ).", "Сұрау тым үлкен (1 МБ-тан артық).", "The request is too large (over 1 MB).")
t("error.media_type", "Неподдерживаемый тип содержимого.", "Қолдау көрсетілмейтін мазмұн түрі.", "Unsupported content type.")
t("error.method", "Этот метод не поддерживается.", "Бұл әдіске қолдау көрсетілмейді.", "This method is not supported.")
t("error.internal", "Что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.", "Бірдеңе дұрыс болмады. Қайталап көріңіз; қате қайталанса, әкімшіге хабарлаңыз.", "Something went wrong. Please try again; if it happens again, tell the administrator.")
t("error.validation", "Проверьте введённые данные.", "Енгізілген деректерді тексеріңіз.", "Please check the data you entered.")
t("error.csrf", "Форма устарела. Обновите страницу и отправьте её ещё раз.", "Пішін ескірді. Бетті жаңартып, қайта жіберіңіз.", "The form has expired. Reload the page and send it again.")
t("error.title.not_found", "Страница не найдена", "Бет табылмады", "Page not found")
t("error.title.forbidden", "Доступ запрещён", "Рұқсат жоқ", "Access denied")
t("error.title.unauthorized", "Требуется вход", "Кіру қажет", "Sign-in required")
t("error.title.internal", "Ошибка сервера", "Сервер қатесі", "Server error")
t("error.title.generic", "Запрос не выполнен", "Сұрау орындалмады", "Request not completed")
t("error.back_home", "На главную", "Басты бетке", "Go to the start page")

t("login.title", "Вход", "Кіру", "Sign in")
t("login.email", "Электронная почта", "Электрондық пошта", "Email")
t("login.password", "Пароль", "Құпиясөз", "Password")
t("login.submit", "Войти", "Кіру", "Sign in")
t("login.invalid", "Неверный адрес почты или пароль.", "Пошта мекенжайы немесе құпиясөз қате.", "Wrong email or password.")
t("login.locked", "Слишком много неудачных попыток входа. Вход с этого адреса для этой учётной записи заблокирован на {minutes} минут.", "Кіру әрекеттері тым көп сәтсіз болды. Осы есептік жазбаға бұл мекенжайдан кіру {minutes} минутқа бұғатталды.", "Too many failed sign-in attempts. Signing in to this account from this address is locked for {minutes} minutes.")
t("login.signed_out", "Вы вышли из системы.", "Сіз жүйеден шықтыңыз.", "You have signed out.")

t("profile.title", "Профиль", "Профиль", "Profile")
t("profile.change_password", "Смена пароля", "Құпиясөзді өзгерту", "Change password")
t("profile.current_password", "Текущий пароль", "Ағымдағы құпиясөз", "Current password")
t("profile.new_password", "Новый пароль", "Жаңа құпиясөз", "New password")
t("profile.confirm_password", "Новый пароль ещё раз", "Жаңа құпиясөзді қайталаңыз", "Repeat the new password")
t("profile.save_password", "Сменить пароль", "Құпиясөзді өзгерту", "Change password")
t("password.hint", "Не короче {min} символов.", "Кемінде {min} таңба.", "At least {min} characters.")
t("password.too_short", "Пароль слишком короткий: нужно не меньше 8 символов.", "Құпиясөз тым қысқа: кемінде 8 таңба керек.", "The password is too short: use at least 8 characters.")
t("password.too_long", "Пароль слишком длинный: не больше 128 символов.", "Құпиясөз тым ұзын: 128 таңбадан аспауы керек.", "The password is too long: at most 128 characters.")
t("password.mismatch", "Пароли не совпадают.", "Құпиясөздер сәйкес емес.", "The passwords do not match.")
t("password.wrong_current", "Текущий пароль неверен.", "Ағымдағы құпиясөз қате.", "The current password is wrong.")
t("password.changed", "Пароль изменён. На других устройствах нужно войти заново.", "Құпиясөз өзгертілді. Басқа құрылғыларда қайта кіру керек.", "Password changed. Other devices must sign in again.")
t("token.title", "Ключи API", "API кілттері", "API tokens")
t("token.explain", "Ключ даёт программам доступ к API от вашего имени. Передавайте его в заголовке Authorization: Bearer.", "Кілт бағдарламаларға сіздің атыңыздан API-ге қол жеткізуге мүмкіндік береді. Оны Authorization: Bearer тақырыбында жіберіңіз.", "A token lets programs use the API on your behalf. Send it in the Authorization: Bearer header.")
t("token.name", "Название ключа", "Кілт атауы", "Token name")
t("token.prefix", "Начало ключа", "Кілттің басы", "Token starts with")
t("token.created", "Создан", "Жасалған", "Created")
t("token.last_used", "Последнее использование", "Соңғы қолданылуы", "Last used")
t("token.never", "Ещё не использовался", "Әлі қолданылмаған", "Not used yet")
t("token.none", "Ключей пока нет.", "Әзірге кілттер жоқ.", "No tokens yet.")
t("token.create", "Создать ключ", "Кілт жасау", "Create token")
t("token.created_once", "Ключ создан. Скопируйте его сейчас — больше он показан не будет.", "Кілт жасалды. Оны қазір көшіріп алыңыз — ол қайта көрсетілмейді.", "Token created. Copy it now — it will not be shown again.")
t("token.revoke", "Отозвать", "Кері қайтару", "Revoke")
t("token.revoke_named", "Отозвать ключ «{name}»", "«{name}» кілтін кері қайтару", "Revoke token “{name}”")
t("token.revoked", "Ключ отозван.", "Кілт кері қайтарылды.", "Token revoked.")
t("token.list_caption", "Ваши ключи API", "Сіздің API кілттеріңіз", "Your API tokens")

t("user.list_title", "Учётные записи", "Есептік жазбалар", "Accounts")
p("user.count", {"one": "{count} учётная запись", "few": "{count} учётные записи", "many": "{count} учётных записей", "other": "{count} учётной записи"},
  {"one": "{count} есептік жазба", "other": "{count} есептік жазба"}, {"one": "{count} account", "other": "{count} accounts"})
t("user.new", "Новая учётная запись", "Жаңа есептік жазба", "New account")
t("user.edit", "Изменить учётную запись", "Есептік жазбаны өзгерту", "Edit account")
t("user.create", "Создать", "Жасау", "Create")
t("user.created", "Учётная запись создана.", "Есептік жазба жасалды.", "Account created.")
t("user.saved", "Учётная запись сохранена.", "Есептік жазба сақталды.", "Account saved.")
t("user.full_name", "Имя и фамилия", "Аты-жөні", "Full name")
t("user.email", "Электронная почта", "Электрондық пошта", "Email")
t("user.role", "Роль", "Рөл", "Role")
t("user.branch", "Филиал", "Филиал", "Branch")
t("user.branch_hint", "Координатор и книгоноша работают в одном филиале.", "Үйлестіруші мен кітап тасушы бір филиалда жұмыс істейді.", "Coordinators and carriers work in one branch.")
t("user.all_branches", "Все филиалы", "Барлық филиалдар", "All branches")
t("user.state", "Состояние", "Күйі", "State")
t("user.active", "Активна", "Белсенді", "Active")
t("user.inactive", "Отключена", "Өшірілген", "Deactivated")
t("user.active_checkbox", "Учётная запись активна", "Есептік жазба белсенді", "The account is active")
t("user.deactivate_hint", "Отключённая запись не может войти; её история сохраняется.", "Өшірілген жазба кіре алмайды; оның тарихы сақталады.", "A deactivated account cannot sign in; its history is kept.")
t("user.initial_password", "Начальный пароль", "Бастапқы құпиясөз", "Initial password")
t("user.new_password", "Новый пароль", "Жаңа құпиясөз", "New password")
t("user.reset_password", "Сбросить пароль", "Құпиясөзді қалпына келтіру", "Reset password")
t("user.password_reset", "Пароль сброшен; все сеансы этой учётной записи завершены.", "Құпиясөз қалпына келтірілді; осы есептік жазбаның барлық сеанстары аяқталды.", "Password reset; all sessions of this account were ended.")
t("user.email_taken", "Учётная запись с такой почтой уже есть.", "Мұндай поштасы бар есептік жазба бар.", "An account with this email already exists.")
t("user.branch_required", "Для этой роли выберите филиал.", "Бұл рөл үшін филиалды таңдаңыз.", "Choose a branch for this role.")
t("user.cannot_demote_self", "Нельзя отключить свою учётную запись или снять с себя роль администратора.", "Өз есептік жазбаңызды өшіруге немесе өзіңізден әкімші рөлін алуға болмайды.", "You cannot deactivate your own account or remove your own administrator role.")
t("role.admin", "Администратор", "Әкімші", "Administrator")
t("role.coordinator", "Координатор", "Үйлестіруші", "Coordinator")
t("role.carrier", "Книгоноша", "Кітап тасушы", "Carrier")
t("role.management", "Руководство", "Басшылық", "Management")

t("branch.list_title", "Филиалы", "Филиалдар", "Branches")
p("branch.count", {"one": "{count} филиал", "few": "{count} филиала", "many": "{count} филиалов", "other": "{count} филиала"},
  {"one": "{count} филиал", "other": "{count} филиал"}, {"one": "{count} branch", "other": "{count} branches"})
t("branch.new", "Новый филиал", "Жаңа филиал", "New branch")
t("branch.saved", "Филиал сохранён.", "Филиал сақталды.", "Branch saved.")
t("branch.code", "Код", "Коды", "Code")
t("branch.name", "Название", "Атауы", "Name")
t("branch.name_ru", "Название на русском", "Орысша атауы", "Name in Russian")
t("branch.name_kk", "Название на казахском", "Қазақша атауы", "Name in Kazakh")
t("branch.address", "Адрес", "Мекенжайы", "Address")
t("branch.phone", "Телефон", "Телефоны", "Phone")
t("branch.latitude", "Широта", "Ендік", "Latitude")
t("branch.longitude", "Долгота", "Бойлық", "Longitude")
t("branch.code_taken", "Филиал с таким кодом уже есть.", "Мұндай коды бар филиал бар.", "A branch with this code already exists.")

t("reader.list_title", "Читатели", "Оқырмандар", "Readers")
t("reader.new", "Новый читатель", "Жаңа оқырман", "New reader")
t("reader.edit", "Изменить", "Өзгерту", "Edit")
t("reader.edit_title", "Изменение: {name}", "Өзгерту: {name}", "Edit: {name}")
t("reader.created", "Читатель зарегистрирован.", "Оқырман тіркелді.", "Reader registered.")
t("reader.saved", "Изменения сохранены.", "Өзгерістер сақталды.", "Changes saved.")
p("reader.found", {"one": "Найден {count} читатель", "few": "Найдено {count} читателя", "many": "Найдено {count} читателей", "other": "Найдено {count} читателя"},
  {"one": "{count} оқырман табылды", "other": "{count} оқырман табылды"}, {"one": "{count} reader found", "other": "{count} readers found"})
t("reader.search", "Поиск", "Іздеу", "Search")
t("reader.search_form", "Поиск и фильтры читателей", "Оқырмандарды іздеу және сүзу", "Search and filter readers")
t("reader.search_hint", "Фамилия, имя, телефон или номер билета.", "Тегі, аты, телефоны немесе билет нөмірі.", "Name, phone or reader card number.")
t("reader.name", "ФИО", "Аты-жөні", "Name")
t("reader.phone", "Телефон", "Телефон", "Phone")
t("reader.phone_n", "Телефон {n}", "Телефон {n}", "Phone {n}")
t("reader.phone_label", "Тип телефона", "Телефон түрі", "Phone type")
t("reader.phone_number", "Номер", "Нөмірі", "Number")
t("reader.phones", "Телефоны", "Телефондар", "Phones")
t("reader.address", "Адрес", "Мекенжай", "Address")
t("reader.coordinates", "Координаты", "Координаттар", "Coordinates")
t("reader.time_window", "Удобное время", "Ыңғайлы уақыт", "Time window")
t("reader.status_hint", "Активным читателя можно сделать только при наличии согласия на обработку персональных данных.", "Оқырманды дербес деректерді өңдеуге келісім болған жағдайда ғана белсенді етуге болады.", "A reader can be made active only with a consent to personal-data processing.")
t("reader.access_notes_hint", "Как попасть к читателю: собака, ключ у соседей, позвонить заранее.", "Оқырманға қалай кіруге болады: ит, кілт көршіде, алдын ала қоңырау шалу.", "How to get in: a dog, a key at the neighbour's, call ahead.")
t("reader.card_taken", "Читательский билет с таким номером уже есть.", "Мұндай нөмірлі оқырман билеті бар.", "A reader card with this number already exists.")
t("reader.card_format", "Номер билета может содержать буквы, цифры, «-», «/» и «.».", "Билет нөмірінде әріптер, сандар, «-», «/» және «.» болуы мүмкін.", "A card number may contain letters, digits, “-”, “/” and “.”.")
t("reader.branch_forbidden", "Вы можете регистрировать читателей только своего филиала.", "Сіз тек өз филиалыңыздың оқырмандарын тіркей аласыз.", "You can register readers only for your own branch.")
t("reader.caregiver_phone_needed", "Для связи через помощника укажите его телефон.", "Көмекші арқылы байланыс үшін оның телефонын көрсетіңіз.", "Give the caregiver's phone to contact through them.")
t("reader.time_order", "Время окончания должно быть позже начала.", "Аяқталу уақыты басталудан кейін болуы керек.", "The end time must be after the start time.")
for key, ru, kk, en in [
    ("family_name", "Фамилия", "Тегі", "Family name"), ("given_name", "Имя", "Аты", "Given name"),
    ("patronymic", "Отчество", "Әкесінің аты", "Patronymic"), ("birth_date", "Дата рождения", "Туған күні", "Date of birth"),
    ("card_number", "Номер читательского билета", "Оқырман билетінің нөмірі", "Reader card number"),
    ("branch_id", "Филиал", "Филиал", "Branch"), ("preferred_channel", "Предпочтительный способ связи", "Қалаулы байланыс тәсілі", "Preferred contact channel"),
    ("caregiver_name", "Помощник или родственник", "Көмекші немесе туысы", "Caregiver or relative"),
    ("caregiver_relation", "Кем приходится", "Кім болып келеді", "Relationship"),
    ("caregiver_phone", "Телефон помощника", "Көмекшінің телефоны", "Caregiver's phone"),
    ("settlement", "Населённый пункт", "Елді мекен", "Settlement"), ("street", "Улица", "Көше", "Street"),
    ("building", "Дом", "Үй", "Building"), ("apartment", "Квартира", "Пәтер", "Apartment"),
    ("entrance", "Подъезд", "Кіреберіс", "Entrance"), ("floor", "Этаж", "Қабат", "Floor"),
    ("intercom", "Код домофона", "Домофон коды", "Intercom code"), ("has_lift", "Есть лифт", "Лифт бар", "Lift"),
    ("access_notes", "Как попасть", "Қалай кіруге болады", "Access notes"),
    ("latitude", "Широта", "Ендік", "Latitude"), ("longitude", "Долгота", "Бойлық", "Longitude"),
    ("disability_group", "Инвалидность", "Мүгедектік", "Disability group"),
    ("needs", "Особые потребности", "Ерекше қажеттіліктер", "Needs"),
    ("formats", "Удобные форматы", "Ыңғайлы пішімдер", "Preferred formats"),
    ("languages", "Языки литературы", "Әдебиет тілдері", "Languages of materials"),
    ("subjects", "Темы", "Тақырыптар", "Subjects"), ("genres", "Жанры", "Жанрлар", "Genres"),
    ("authors", "Любимые авторы", "Сүйікті авторлар", "Favourite authors"),
    ("excluded_topics", "Нежелательные темы", "Қаламайтын тақырыптар", "Topics to avoid"),
    ("excluded_authors", "Нежелательные авторы", "Қаламайтын авторлар", "Authors to avoid"),
    ("series", "Серии (читать по порядку)", "Сериялар (ретімен оқу)", "Series to follow in order"),
    ("items_per_visit", "Изданий за визит", "Бір барудағы басылымдар", "Items per visit"),
    ("weekdays", "Удобные дни недели", "Ыңғайлы апта күндері", "Preferred weekdays"),
    ("time_from", "Время с", "Уақыт бастап", "Time from"), ("time_to", "Время до", "Уақыт дейін", "Time to"),
    ("frequency", "Периодичность", "Жиілігі", "Frequency"), ("status", "Статус", "Мәртебесі", "Status"),
    ("pause_from", "Пауза с", "Үзіліс басталуы", "Paused from"), ("pause_until", "Пауза до", "Үзіліс аяқталуы", "Paused until"),
    ("pause_reason", "Причина паузы", "Үзіліс себебі", "Reason for the pause"),
    ("ended_on", "Обслуживание завершено", "Қызмет көрсету аяқталды", "Service ended on"),
    ("end_reason", "Причина завершения", "Аяқталу себебі", "Reason for ending"),
    ("referral_source", "Откуда узнал", "Қайдан білді", "Referral source"),
    ("registered_on", "Дата регистрации", "Тіркелген күні", "Registration date"),
    ("consent_date", "Дата согласия", "Келісім күні", "Consent date"),
    ("consent_until", "Согласие действует до", "Келісім мерзімі", "Consent valid until"),
    ("consent_signed_by", "Кто подписал", "Кім қол қойды", "Signed by"),
    ("consent_representative", "Представитель (ФИО)", "Өкіл (аты-жөні)", "Representative's name"),
    ("consent_third_party", "Передача третьим лицам", "Үшінші тұлғаларға беру", "Transfer to third parties"),
    ("consent_publication", "Публикация (например, в новостях)", "Жариялау (мысалы, жаңалықтарда)", "Publication (for example in news)"),
    ("notes", "Заметки", "Ескертпелер", "Notes"),
]:
    t("reader." + key, ru, kk, en)
for key, ru, kk, en in [
    ("identity", "Личные данные", "Жеке деректер", "Identity"), ("contact", "Связь", "Байланыс", "Contact"),
    ("address", "Адрес и доступ", "Мекенжай және кіру", "Address and access"),
    ("service", "Потребности и интересы", "Қажеттіліктер мен қызығушылықтар", "Needs and interests"),
    ("schedule", "Ритм обслуживания", "Қызмет көрсету ырғағы", "Service rhythm"), ("status", "Статус", "Мәртебе", "Status"),
    ("registration", "Регистрация", "Тіркеу", "Registration"),
    ("consent", "Согласие на обработку персональных данных", "Дербес деректерді өңдеуге келісім", "Consent to personal-data processing"),
    ("notes", "Заметки", "Ескертпелер", "Notes"), ("history", "История изменений", "Өзгерістер тарихы", "Change history"),
]:
    t("reader.section." + key, ru, kk, en)
t("consent.explain", "По Закону РК «О персональных данных и их защите» согласие указывает оператора, срок, передачу третьим лицам и публикацию.", "ҚР «Дербес деректер және оларды қорғау туралы» Заңы бойынша келісімде оператор, мерзім, үшінші тұлғаларға беру және жариялау көрсетіледі.", "Under Kazakhstan's Law on Personal Data and its Protection, a consent names the operator, the term, transfer to third parties and publication.")
t("consent.required", "Укажите дату согласия.", "Келісім күнін көрсетіңіз.", "Give the date of the consent.")
t("consent.required_for_active", "Нельзя сделать читателя активным без согласия на обработку персональных данных.", "Дербес деректерді өңдеуге келісімсіз оқырманды белсенді етуге болмайды.", "A reader cannot be made active without a consent to personal-data processing.")
t("consent.expired", "Срок согласия истёк: продлите согласие или поставьте обслуживание на паузу.", "Келісім мерзімі өтті: келісімді ұзартыңыз немесе қызметті тоқтата тұрыңыз.", "The consent has expired: renew it or pause the service.")
t("consent.representative_needed", "Укажите ФИО представителя.", "Өкілдің аты-жөнін көрсетіңіз.", "Give the representative's name.")
t("consent.none", "Согласие не оформлено", "Келісім ресімделмеген", "No consent recorded")
t("consent.third_party_yes", "Разрешена передача третьим лицам", "Үшінші тұлғаларға беруге рұқсат етілген", "Transfer to third parties is allowed")
t("consent.publication_yes", "Разрешена публикация", "Жариялауға рұқсат етілген", "Publication is allowed")
t("address.building_short", "д.", "үй", "bldg.")
t("address.apartment_short", "кв.", "пәтер", "apt.")
p("unit.items", {"one": "{count} книга", "few": "{count} книги", "many": "{count} книг", "other": "{count} книги"},
  {"one": "{count} кітап", "other": "{count} кітап"}, {"one": "{count} book", "other": "{count} books"})

t("history.when", "Когда", "Қашан", "When")
t("history.who", "Кто", "Кім", "Who")
t("history.field", "Поле", "Өріс", "Field")
t("history.old", "Было", "Болды", "Before")
t("history.new", "Стало", "Болды (жаңа)", "After")
t("history.created", "Запись создана", "Жазба жасалды", "Record created")
t("history.unknown_user", "Удалённая учётная запись", "Жойылған есептік жазба", "Removed account")

t("filter.any", "Все", "Барлығы", "Any")
t("filter.apply", "Найти", "Табу", "Search")
t("filter.reset", "Сбросить фильтры", "Сүзгілерді тазарту", "Clear filters")
t("filter.sort", "Сортировка", "Сұрыптау", "Sort by")
t("filter.per_page", "На странице", "Бетте", "Per page")
for key, ru, kk, en in [
    ("name", "ФИО (А–Я)", "Аты-жөні (А–Я)", "Name (A–Z)"), ("-name", "ФИО (Я–А)", "Аты-жөні (Я–А)", "Name (Z–A)"),
    ("card", "Номер билета ↑", "Билет нөмірі ↑", "Card number ↑"), ("-card", "Номер билета ↓", "Билет нөмірі ↓", "Card number ↓"),
    ("registered", "Сначала давние", "Алдымен ескілері", "Registered, oldest first"),
    ("-registered", "Сначала новые", "Алдымен жаңалары", "Registered, newest first"),
    ("updated", "Давно изменённые", "Ертеде өзгертілгендер", "Least recently changed"),
    ("-updated", "Недавно изменённые", "Жақында өзгертілгендер", "Recently changed"),
]:
    t("sort." + key, ru, kk, en)
t("pagination.label", "Страницы", "Беттер", "Pages")
t("pagination.prev", "Назад", "Артқа", "Previous")
t("pagination.next", "Вперёд", "Алға", "Next")
t("pagination.page_of", "Страница {page} из {pages}", "{pages} беттің {page}-беті", "Page {page} of {pages}")
t("pagination.page_n", "Страница {page}", "{page}-бет", "Page {page}")

t("nav.catalog", "Каталог", "Каталог", "Catalogue")
t("nav.import", "Импорт записей", "Жазбаларды импорттау", "Import records")
t("catalog.title", "Каталог", "Каталог", "Catalogue")
p("catalog.found", {"one": "Найдена {count} запись", "few": "Найдено {count} записи", "many": "Найдено {count} записей", "other": "Найдено {count} записи"},
  {"one": "{count} жазба табылды", "other": "{count} жазба табылды"}, {"one": "{count} record found", "other": "{count} records found"})
t("catalog.search_form", "Поиск по каталогу", "Каталог бойынша іздеу", "Catalogue search")
t("catalog.q", "Что искать", "Не іздеу керек", "Search for")
t("catalog.q_hint", "Слова из заглавия, автора, темы, серии или аннотации. Формы слов учитываются: «книгах» найдёт «книга».", "Тақырыптан, автордан, тақырыптан, сериядан немесе аннотациядан сөздер. Сөз формалары ескеріледі.", "Words from the title, author, subject, series or summary. Word forms are matched: “books” finds “book”.")
t("catalog.format", "Формат", "Пішімі", "Format")
t("catalog.language", "Язык", "Тілі", "Language")
t("catalog.available_at", "Есть в наличии в филиале", "Филиалда бар", "Available at branch")
t("catalog.year_from", "Год издания с", "Басылған жылы, бастап", "Published from")
t("catalog.year_to", "Год издания по", "Басылған жылы, дейін", "Published to")
t("catalog.audience", "Читательское назначение", "Оқырмандық мақсаты", "Audience")
p("catalog.available_copies", {"one": "В наличии {count} экземпляр", "few": "В наличии {count} экземпляра", "many": "В наличии {count} экземпляров", "other": "В наличии {count} экземпляра"},
  {"one": "{count} дана бар", "other": "{count} дана бар"}, {"one": "{count} copy available", "other": "{count} copies available"})
t("catalog.no_available_copies", "Свободных экземпляров нет", "Бос даналар жоқ", "No copy available")
t("catalog.export_marc21", "Выгрузить в MARC 21 (ISO 2709)", "MARC 21 (ISO 2709) түрінде шығару", "Export as MARC 21 (ISO 2709)")
t("catalog.export_marcxml", "Выгрузить в MARCXML", "MARCXML түрінде шығару", "Export as MARCXML")
t("catalog.subtitle", "Продолжение заглавия", "Тақырыптың жалғасы", "Subtitle")
t("catalog.contributors", "Авторы и участники", "Авторлар мен қатысушылар", "Authors and contributors")
t("catalog.edition", "Издание", "Басылым", "Edition")
t("catalog.publication", "Выходные данные", "Шығу деректері", "Publication")
t("catalog.isbn", "ISBN", "ISBN", "ISBN")
t("catalog.issn", "ISSN", "ISSN", "ISSN")
t("catalog.series", "Серия", "Серия", "Series")
t("catalog.physical", "Физическое описание", "Физикалық сипаттама", "Physical description")
t("catalog.subjects", "Темы", "Тақырыптар", "Subjects")
t("catalog.genres", "Жанр и форма", "Жанр және түр", "Genre and form")
t("catalog.summary", "Аннотация", "Аннотация", "Summary")
p("catalog.copies_count", {"one": "{count} экземпляр", "few": "{count} экземпляра", "many": "{count} экземпляров", "other": "{count} экземпляра"},
  {"one": "{count} дана", "other": "{count} дана"}, {"one": "{count} copy", "other": "{count} copies"})
t("catalog.no_branch", "Филиал не указан", "Филиал көрсетілмеген", "No branch given")
t("catalog.back", "К поиску", "Іздеуге оралу", "Back to search")
t("copy.add_title", "Добавить экземпляр", "Дана қосу", "Add a copy")
t("copy.add", "Добавить экземпляр", "Дананы қосу", "Add the copy")
t("copy.added", "Экземпляр добавлен.", "Дана қосылды.", "Copy added.")
t("copy.inventory_number", "Инвентарный номер", "Инвентарлық нөмір", "Inventory number")
t("copy.barcode", "Штрихкод", "Штрихкод", "Barcode")
t("copy.branch_id", "Филиал", "Филиал", "Branch")
t("copy.acquired_on", "Дата поступления", "Түскен күні", "Acquisition date")
t("copy.notes", "Примечания", "Ескертпелер", "Notes")
t("copy.inventory_taken", "Экземпляр с таким инвентарным номером уже есть.", "Мұндай инвентарлық нөмірі бар дана бар.", "A copy with this inventory number already exists.")
t("copy.branch_forbidden", "Вы можете добавлять экземпляры только своего филиала.", "Сіз тек өз филиалыңыздың даналарын қоса аласыз.", "You can add copies only to your own branch.")
t("copy.inventory", "Инвентарный номер", "Инвентарлық нөмір", "Inventory number")
t("copy.shelf_mark", "Шифр хранения", "Сақтау шифры", "Shelf mark")
t("copy.status", "Состояние", "Күйі", "Status")
for code, ru, kk, en in [("available", "Доступен", "Қолжетімді", "Available"), ("reserved", "Отложен для визита", "Баруға қалдырылған", "Reserved for a visit"),
                         ("on_loan", "Выдан", "Берілген", "On loan"), ("lost", "Утерян", "Жоғалған", "Lost"), ("withdrawn", "Списан", "Есептен шығарылған", "Withdrawn")]:
    t("copy_status." + code, ru, kk, en)
for code, ru, kk, en in [("print", "Обычная печать", "Кәдімгі басылым", "Print"), ("large_print", "Крупный шрифт", "Ірі қаріп", "Large print"),
                         ("audiobook", "Аудиокнига", "Аудиокітап", "Audiobook"), ("daisy", "«Говорящая книга» DAISY", "DAISY «сөйлейтін кітап»", "DAISY talking book"),
                         ("braille", "Шрифт Брайля", "Брайль қарпі", "Braille"), ("ebook", "Электронная книга", "Электрондық кітап", "E-book"),
                         ("periodical", "Периодическое издание", "Мерзімді басылым", "Periodical")]:
    t("material." + code, ru, kk, en)
for code, ru, kk, en in [("rus", "Русский", "Орыс тілі", "Russian"), ("kaz", "Казахский", "Қазақ тілі", "Kazakh"), ("eng", "Английский", "Ағылшын тілі", "English"),
                         ("deu", "Немецкий", "Неміс тілі", "German"), ("fra", "Французский", "Француз тілі", "French"), ("pol", "Польский", "Поляк тілі", "Polish"),
                         ("ukr", "Украинский", "Украин тілі", "Ukrainian"), ("uzb", "Узбекский", "Өзбек тілі", "Uzbek"), ("kir", "Киргизский", "Қырғыз тілі", "Kyrgyz"),
                         ("tat", "Татарский", "Татар тілі", "Tatar")]:
    t("lang639." + code, ru, kk, en)
for code, ru, kk, en in [("juvenile", "Детская", "Балалар", "Children"), ("adolescent", "Юношеская", "Жасөспірімдер", "Young adults"),
                         ("adult", "Взрослая", "Ересектер", "Adults"), ("specialized", "Специализированная", "Мамандандырылған", "Specialists")]:
    t("audience." + code, ru, kk, en)
t("import.title", "Импорт записей MARC", "MARC жазбаларын импорттау", "Import MARC records")
t("import.explain", "Загрузите файл ISO 2709 или MARCXML (MARC 21, KazMARC, UNIMARC, RUSMARC; UTF-8, MARC-8 или Windows-1251). Повторный импорт обновляет существующие записи. Большие файлы удобнее загружать командой knigonosha catalog import.", "ISO 2709 немесе MARCXML файлын жүктеңіз (MARC 21, KazMARC, UNIMARC, RUSMARC; UTF-8, MARC-8 немесе Windows-1251). Қайта импорттау бар жазбаларды жаңартады. Үлкен файлдарды knigonosha catalog import пәрменімен жүктеген ыңғайлы.", "Upload an ISO 2709 or MARCXML file (MARC 21, KazMARC, UNIMARC, RUSMARC; UTF-8, MARC-8 or Windows-1251). Importing again updates the existing records. Large files are best loaded with the knigonosha catalog import command.")
t("import.file", "Файл", "Файл", "File")
t("import.file_hint", "До 64 МБ.", "64 МБ-қа дейін.", "Up to 64 MB.")
t("import.file_required", "Выберите файл для импорта.", "Импорттау үшін файлды таңдаңыз.", "Choose a file to import.")
t("import.syntax", "Синтаксис", "Синтаксис", "Syntax")
t("import.flavor", "Формат MARC", "MARC пішімі", "MARC format")
t("import.encoding", "Кодировка", "Кодтау", "Encoding")
t("import.detect", "Определить автоматически", "Автоматты түрде анықтау", "Detect automatically")
t("import.submit", "Загрузить и импортировать", "Жүктеу және импорттау", "Upload and import")
t("import.recent", "Последние импорты", "Соңғы импорттар", "Recent imports")
t("import.none", "Импортов пока не было.", "Әзірге импорт болған жоқ.", "No imports yet.")
t("import.queued", "Файл загружен, импорт поставлен в очередь.", "Файл жүктелді, импорт кезекке қойылды.", "The file is uploaded and queued for import.")
t("import.job_title", "Импорт: {file}", "Импорт: {file}", "Import: {file}")
t("import.counts", "Добавлено: {imported}, обновлено: {updated}, пропущено: {skipped}.", "Қосылды: {imported}, жаңартылды: {updated}, өткізілді: {skipped}.", "Added: {imported}, updated: {updated}, skipped: {skipped}.")
t("import.progress", "Ход импорта", "Импорт барысы", "Import progress")
t("import.refresh", "Обновить состояние", "Күйін жаңарту", "Refresh the status")
p("import.skipped_count", {"one": "Пропущена {count} запись", "few": "Пропущено {count} записи", "many": "Пропущено {count} записей", "other": "Пропущено {count} записи"},
  {"one": "{count} жазба өткізілді", "other": "{count} жазба өткізілді"}, {"one": "{count} record skipped", "other": "{count} records skipped"})
t("import.record_number", "Номер записи в файле", "Файлдағы жазба нөмірі", "Record number in the file")
t("import.reason", "Причина", "Себебі", "Reason")
for code, ru, kk, en in [("queued", "В очереди", "Кезекте", "Queued"), ("running", "Выполняется", "Орындалуда", "Running"),
                         ("done", "Завершён", "Аяқталды", "Done"), ("failed", "Не выполнен", "Орындалмады", "Failed")]:
    t("import_status." + code, ru, kk, en)

CODES = {
    "disability": [("none", "Нет (пожилой или временно не выходит)", "Жоқ (қарт немесе уақытша шыға алмайды)", "None (elderly or temporarily housebound)"),
                   ("group1", "I группа", "I топ", "Group I"), ("group2", "II группа", "II топ", "Group II"),
                   ("group3", "III группа", "III топ", "Group III"), ("child", "Ребёнок с инвалидностью", "Мүгедек бала", "Child with a disability")],
    "need": [("low_vision", "Слабовидящий", "Нашар көретін", "Low vision"), ("blind", "Незрячий", "Көзі көрмейтін", "Blind"),
             ("hearing", "Слабослышащий", "Нашар еститін", "Hearing-impaired"), ("wheelchair", "Передвигается на коляске", "Арбамен жүреді", "Wheelchair user"),
             ("bedridden", "Лежачий", "Төсекке таңылған", "Bedridden"), ("cognitive", "Когнитивные нарушения", "Когнитивтік бұзылыстар", "Cognitive impairment")],
    "format": [("print", "Обычная печать", "Кәдімгі басылым", "Regular print"), ("large_print", "Крупный шрифт", "Ірі қаріп", "Large print"),
               ("audiobook", "Аудиокнига", "Аудиокітап", "Audiobook"), ("daisy", "«Говорящая книга» DAISY", "DAISY «сөйлейтін кітап»", "DAISY talking book"),
               ("braille", "Шрифт Брайля", "Брайль қарпі", "Braille"), ("periodicals", "Периодика", "Мерзімді басылымдар", "Periodicals")],
    "language": [("ru", "Русский", "Орыс тілі", "Russian"), ("kk", "Казахский", "Қазақ тілі", "Kazakh"), ("en", "Английский", "Ағылшын тілі", "English"), ("other", "Другой", "Басқа", "Other")],
    "weekday": [("mon", "Понедельник", "Дүйсенбі", "Monday"), ("tue", "Вторник", "Сейсенбі", "Tuesday"), ("wed", "Среда", "Сәрсенбі", "Wednesday"),
                ("thu", "Четверг", "Бейсенбі", "Thursday"), ("fri", "Пятница", "Жұма", "Friday"), ("sat", "Суббота", "Сенбі", "Saturday"), ("sun", "Воскресенье", "Жексенбі", "Sunday")],
    "frequency": [("weekly", "Еженедельно", "Апта сайын", "Weekly"), ("biweekly", "Раз в две недели", "Екі аптада бір рет", "Every 2 weeks"),
                  ("monthly", "Ежемесячно", "Ай сайын", "Monthly"), ("on_request", "По запросу", "Сұраныс бойынша", "On request")],
    "status": [("active", "Обслуживается", "Қызмет көрсетілуде", "Active"), ("paused", "Пауза", "Үзіліс", "Paused"), ("ended", "Обслуживание завершено", "Қызмет аяқталды", "Ended")],
    "end_reason": [("moved", "Переехал", "Көшіп кетті", "Moved away"), ("died", "Умер", "Қайтыс болды", "Died"), ("declined", "Отказался", "Бас тартты", "Declined"),
                   ("recovered", "Может посещать библиотеку", "Кітапханаға бара алады", "Can visit the library again"), ("other", "Другое", "Басқа", "Other")],
    "channel": [("call", "Звонок", "Қоңырау", "Phone call"), ("whatsapp", "WhatsApp", "WhatsApp", "WhatsApp"), ("telegram", "Telegram", "Telegram", "Telegram"),
                ("sms", "SMS", "SMS", "SMS"), ("caregiver", "Через помощника", "Көмекші арқылы", "Through the caregiver")],
    "phone_label": [("mobile", "Мобильный", "Ұялы", "Mobile"), ("home", "Домашний", "Үй", "Home"), ("work", "Рабочий", "Жұмыс", "Work"), ("other", "Другой", "Басқа", "Other")],
    "referral": [("self", "Сам читатель", "Оқырманның өзі", "The reader"), ("relative", "Родственник", "Туысы", "A relative"),
                 ("social_worker", "Социальный работник", "Әлеуметтік қызметкер", "A social worker"), ("medical", "Медицинская организация", "Медициналық ұйым", "A medical organisation"),
                 ("ngo", "Общественная организация", "Қоғамдық ұйым", "An NGO"), ("library", "Сотрудник библиотеки", "Кітапхана қызметкері", "Library staff"), ("other", "Другое", "Басқа", "Other")],
    "consent_signer": [("reader", "Сам читатель", "Оқырманның өзі", "The reader"), ("representative", "Представитель", "Өкіл", "A representative")],
}
for prefix, rows in CODES.items():
    for code, ru, kk, en in rows:
        t(f"{prefix}.{code}", ru, kk, en)

import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import l10n_delivery
import l10n_events
import l10n_projects
import l10n_stats
t.plural = p
l10n_delivery.add(t)
l10n_events.add(t)
l10n_projects.add(t)
l10n_stats.add(t)

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "Sources", "KnigonoshaApp", "Resources", "l10n")
    for i, lang in enumerate(["ru", "kk", "en"]):
        data = {k: v[i] for k, v in sorted(T.items())}
        with open(os.path.join(out, lang + ".json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
    print(f"{len(T)} keys written for ru, kk, en")
