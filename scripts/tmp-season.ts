import { writeSeason } from '../test/helpers/season';
writeSeason(process.argv[2]).then((s) => console.log(JSON.stringify(s)));
