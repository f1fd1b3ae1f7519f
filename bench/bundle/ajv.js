// ajv as @kartochka/core imports it: draft-07 and 2020-12 classes plus ajv-formats.
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

globalThis.ajv = { Ajv, Ajv2020, addFormats };
