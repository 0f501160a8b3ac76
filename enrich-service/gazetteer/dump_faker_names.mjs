// Prints the Latin-script given names of every faker locale as one JSON array.
import { allFakers } from '@faker-js/faker';
const names = new Set();
for (const [locale, faker] of Object.entries(allFakers)) {
  const person = faker.rawDefinitions?.person;
  if (!person) continue;
  for (const key of ['first_name', 'middle_name']) {
    const v = person[key];
    if (!v) continue;
    const lists = Array.isArray(v) ? [v] : Object.values(v);
    for (const list of lists) for (const n of list) if (/^[A-Z][a-zà-ÿğışçöüəñ'-]+$/u.test(n)) names.add(n);
  }
}
console.log(JSON.stringify([...names].sort()));
