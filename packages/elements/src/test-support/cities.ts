/** Twelve Russian cities: enough options that a select becomes a searchable combobox (COMBOBOX_THRESHOLD is 10). Tests and the combobox story use it. */
export const cities = [
  'Москва',
  'Санкт-Петербург',
  'Казань',
  'Новосибирск',
  'Екатеринбург',
  'Нижний Новгород',
  'Самара',
  'Омск',
  'Ростов-на-Дону',
  'Уфа',
  'Красноярск',
  'Пермь',
];
