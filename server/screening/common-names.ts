import 'server-only';

// Everyday names from many naming traditions, for synthetic travellers (the labelled set's
// negatives, the benchmark's traffic). Grouped by naming tradition only to build realistic
// name combinations and to report hit rates per group — the engine never sees the group.
// `share` is a rough share of travellers through a European airport.

export interface NamePool {
  tradition: string;
  share: number;
  nationalities: readonly string[];
  given: readonly string[];
  family: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    tradition: 'English',
    share: 14,
    nationalities: ['GBR', 'USA', 'IRL', 'CAN', 'AUS'],
    given: ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Thomas', 'Daniel', 'Matthew', 'Emma', 'Olivia', 'Sarah', 'Jessica', 'Emily', 'Charlotte', 'Sophie', 'Hannah', 'Laura', 'Rebecca', 'Oliver', 'Harry', 'Jack', 'George', 'Amelia'],
    family: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', "O'Brien", 'Murphy', 'Kelly', 'Miller', 'Anderson', 'Martin'],
  },
  {
    tradition: 'German',
    share: 12,
    nationalities: ['DEU', 'AUT', 'CHE'],
    given: ['Lukas', 'Leon', 'Maximilian', 'Felix', 'Jonas', 'Paul', 'Stefan', 'Andreas', 'Thomas', 'Michael', 'Anna', 'Lea', 'Lena', 'Katharina', 'Julia', 'Sabine', 'Ursula', 'Monika', 'Petra', 'Jürgen', 'Klaus', 'Wolfgang', 'Hans-Peter', 'Karl Heinz', 'Birgit'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'von Bergen'],
  },
  {
    tradition: 'French',
    share: 9,
    nationalities: ['FRA', 'BEL', 'LUX', 'CHE'],
    given: ['Jean', 'Pierre', 'Michel', 'Philippe', 'Nicolas', 'François', 'Julien', 'Antoine', 'Louis', 'Hugo', 'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Camille', 'Chloé', 'Manon', 'Léa', 'Jean-Baptiste', 'Anne-Sophie', 'Élodie', 'Mathieu', 'Théo', 'Céline', 'Aurélie'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'de la Fontaine'],
  },
  {
    tradition: 'Spanish',
    share: 8,
    nationalities: ['ESP', 'MEX', 'COL', 'ARG', 'PER', 'CHL'],
    given: ['José', 'Antonio', 'Manuel', 'Francisco', 'Juan', 'David', 'Javier', 'Daniel', 'Carlos', 'Jesús', 'María', 'Carmen', 'Ana', 'Isabel', 'Laura', 'Lucía', 'Pilar', 'Marta', 'Cristina', 'María José', 'Juan Carlos', 'Alejandro', 'Sofía', 'Diego', 'Valentina'],
    family: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos'],
  },
  {
    tradition: 'Portuguese',
    share: 4,
    nationalities: ['PRT', 'BRA', 'AGO'],
    given: ['João', 'Pedro', 'Tiago', 'Rafael', 'Gabriel', 'Lucas', 'Miguel', 'Rui', 'Paulo', 'Luís', 'Ana', 'Beatriz', 'Mariana', 'Inês', 'Joana', 'Fernanda', 'Camila', 'Larissa', 'Gonçalo', 'Vitória'],
    family: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Fernandes', 'Gonçalves', 'Gomes', 'Lopes', 'Marques', 'Alves', 'Almeida', 'Ribeiro', 'Pinto', 'Carvalho', 'dos Santos'],
  },
  {
    tradition: 'Italian',
    share: 6,
    nationalities: ['ITA', 'SMR'],
    given: ['Giuseppe', 'Giovanni', 'Antonio', 'Mario', 'Luigi', 'Francesco', 'Angelo', 'Vincenzo', 'Marco', 'Alessandro', 'Maria', 'Anna', 'Giuseppina', 'Rosa', 'Angela', 'Giovanna', 'Teresa', 'Lucia', 'Chiara', 'Francesca', 'Matteo', 'Lorenzo', 'Giulia'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana'],
  },
  {
    tradition: 'Dutch and Nordic',
    share: 6,
    nationalities: ['NLD', 'SWE', 'NOR', 'DNK', 'FIN'],
    given: ['Jan', 'Pieter', 'Johannes', 'Willem', 'Daan', 'Sem', 'Anders', 'Lars', 'Erik', 'Mikael', 'Sanne', 'Femke', 'Anna', 'Ingrid', 'Astrid', 'Karin', 'Elin', 'Sigrid', 'Mette', 'Johanna', 'Mika', 'Aino'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Hansen', 'Nielsen', 'Jensen', 'Korhonen', 'Virtanen', 'Mäkinen'],
  },
  {
    tradition: 'Polish and Czech',
    share: 5,
    nationalities: ['POL', 'CZE', 'SVK'],
    given: ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Jiří', 'Petr', 'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Zuzana', 'Tereza', 'Lucie'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházka'],
  },
  {
    tradition: 'Greek and Balkan',
    share: 4,
    nationalities: ['GRC', 'CYP', 'SRB', 'HRV', 'ROU', 'BGR'],
    given: ['Georgios', 'Dimitrios', 'Konstantinos', 'Ioannis', 'Nikolaos', 'Maria', 'Eleni', 'Aikaterini', 'Milan', 'Nikola', 'Marko', 'Ivana', 'Jelena', 'Andrei', 'Mihai', 'Elena', 'Ioana', 'Georgi', 'Desislava'],
    family: ['Papadopoulos', 'Papadakis', 'Georgiou', 'Nikolaidis', 'Oikonomou', 'Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Horvat', 'Kovačević', 'Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Ivanov', 'Georgiev', 'Dimitrov'],
  },
  {
    tradition: 'Russian and Ukrainian',
    share: 3,
    nationalities: ['RUS', 'UKR', 'BLR', 'KAZ'],
    given: ['Aleksandr', 'Sergey', 'Dmitry', 'Andrey', 'Aleksey', 'Maksim', 'Ivan', 'Mikhail', 'Oleksandr', 'Yuriy', 'Olga', 'Tatiana', 'Natalia', 'Elena', 'Irina', 'Anastasia', 'Svetlana', 'Yulia', 'Oksana', 'Ekaterina'],
    family: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov', 'Kovalenko', 'Bondarenko', 'Shevchenko', 'Tkachenko', 'Kravchenko', 'Ivanova', 'Petrova', 'Smirnova'],
  },
  {
    tradition: 'Turkish',
    share: 5,
    nationalities: ['TUR', 'DEU', 'AZE'],
    given: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'Murat', 'Emre', 'Burak', 'Fatma', 'Ayşe', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Merve', 'Özlem', 'Yusuf', 'Kemal'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek'],
  },
  {
    tradition: 'Arabic',
    share: 6,
    nationalities: ['MAR', 'DZA', 'TUN', 'EGY', 'JOR', 'LBN', 'SAU', 'ARE', 'IRQ', 'SYR'],
    given: ['Mohamed', 'Ahmed', 'Mahmoud', 'Mustafa', 'Youssef', 'Omar', 'Khaled', 'Karim', 'Hamza', 'Rachid', 'Samir', 'Tarek', 'Walid', 'Fatima', 'Aicha', 'Khadija', 'Mariam', 'Nour', 'Salma', 'Leila', 'Yasmine', 'Amina', 'Rania', 'Hicham', 'Nabil', 'Anas', 'Bilal', 'Adam'],
    family: ['El Amrani', 'Benali', 'Bouazza', 'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Farouk', 'Sayed', 'Abdel Aziz', 'Ben Youssef', 'Chaouki', 'Zeroual', 'Belkacem', 'Hassan', 'Ibrahim', 'Mahmoud', 'Ali', 'Aziz', 'Tahir', 'Darwish', 'Qasim', 'Bakri', 'Al-Masri', 'Jaber', 'Suleiman'],
  },
  {
    tradition: 'Persian',
    share: 1.5,
    nationalities: ['IRN', 'AFG', 'TJK'],
    given: ['Reza', 'Ali', 'Mohammad', 'Hossein', 'Mehdi', 'Amir', 'Hamid', 'Saeed', 'Babak', 'Dariush', 'Maryam', 'Fatemeh', 'Zahra', 'Sara', 'Narges', 'Parisa', 'Shirin', 'Leila', 'Nasrin', 'Farhad'],
    family: ['Mohammadi', 'Hosseini', 'Ahmadi', 'Rezaei', 'Moradi', 'Karimi', 'Jafari', 'Rahimi', 'Heidari', 'Sadeghi', 'Ghasemi', 'Najafi', 'Azizi', 'Kazemi', 'Nouri', 'Tehrani', 'Shirazi', 'Amini', 'Bagheri', 'Akbari'],
  },
  {
    tradition: 'South Asian',
    share: 4,
    nationalities: ['IND', 'PAK', 'BGD', 'LKA', 'GBR'],
    given: ['Rahul', 'Amit', 'Rajesh', 'Sanjay', 'Vikram', 'Arjun', 'Priya', 'Anjali', 'Sunita', 'Deepa', 'Pooja', 'Kavita', 'Imran', 'Asif', 'Bilal', 'Ayesha', 'Sana', 'Farhan', 'Nadia', 'Tanvir', 'Ravi', 'Suresh', 'Lakshmi'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Joshi', 'Chowdhury', 'Das', 'Banerjee', 'Rao', 'Khan', 'Qureshi', 'Malik', 'Butt', 'Siddiqui', 'Rahman', 'Hossain', 'Perera', 'Fernando'],
  },
  {
    tradition: 'Chinese',
    share: 4,
    nationalities: ['CHN', 'TWN', 'HKG', 'SGP', 'MYS'],
    given: ['Wei', 'Fang', 'Min', 'Jing', 'Li Na', 'Xiaoming', 'Yan', 'Jun', 'Lei', 'Hui', 'Xin', 'Yu', 'Hao', 'Jie', 'Ying', 'Chen Wei', 'Zhiwei', 'Mei Ling', 'Wen', 'Tao'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Luo', 'Tan', 'Lim', 'Ng', 'Wong'],
  },
  {
    tradition: 'Japanese and Korean',
    share: 2.5,
    nationalities: ['JPN', 'KOR'],
    given: ['Hiroshi', 'Takashi', 'Kenji', 'Yuki', 'Haruto', 'Sakura', 'Yui', 'Aoi', 'Akiko', 'Naoko', 'Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ji-woo', 'Hye-jin', 'Sung-min', 'Young-ho', 'Eun-ji'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
  },
  {
    tradition: 'Southeast Asian',
    share: 2,
    nationalities: ['VNM', 'PHL', 'IDN', 'THA'],
    given: ['Anh', 'Minh', 'Huong', 'Linh', 'Thanh', 'Tuan', 'Maria Cristina', 'Jose Miguel', 'Mark Anthony', 'Jennifer', 'Budi', 'Siti', 'Agus', 'Dewi', 'Somchai', 'Suda', 'Nattapong'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dela Cruz', 'Reyes', 'Santos', 'Bautista', 'Garcia', 'Santoso', 'Wijaya', 'Saputra', 'Siregar', 'Srisuk', 'Wongsakul'],
  },
  {
    tradition: 'West and East African',
    share: 3,
    nationalities: ['NGA', 'GHA', 'SEN', 'CIV', 'KEN', 'ETH', 'SOM'],
    given: ['Chinedu', 'Emeka', 'Oluwaseun', 'Adebayo', 'Ngozi', 'Chioma', 'Kwame', 'Kofi', 'Ama', 'Abena', 'Mamadou', 'Ousmane', 'Aminata', 'Fatou', 'Wanjiru', 'Kamau', 'Tesfaye', 'Abebe', 'Hodan', 'Abdi'],
    family: ['Okafor', 'Okeke', 'Adeyemi', 'Ogunleye', 'Eze', 'Mensah', 'Boateng', 'Owusu', 'Asante', 'Diallo', 'Ndiaye', 'Traoré', 'Koné', 'Diop', 'Mwangi', 'Otieno', 'Kiplagat', 'Bekele', 'Haile', 'Warsame'],
  },
];
